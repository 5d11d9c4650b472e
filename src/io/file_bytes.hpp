#pragma once
// Internal: the bytes of an input file, owned (read(2) into a string, or
// text handed over by a caller) or mapped copy-on-write (mmap(2)
// MAP_PRIVATE), shared by the readers that parse parts of it.
#include <cstddef>
#include <memory>
#include <string>

namespace rcmap {

class FileBytes {
 public:
  // Owns `bytes`.
  explicit FileBytes(std::string bytes);
  // Maps the regular file `fd` of `size` bytes (size > 0). Returns null if
  // the mapping fails; the caller then reads the file instead. Mapping
  // avoids copying a large file into fresh memory, whose first touch is the
  // largest single cost of reading a million rows (bench/ingest.sh).
  // Writes (quoted fields decoded in place) go to private copies of the
  // written pages; the file is never changed. Should another program
  // shorten the file while it is mapped, a read past the new end raises
  // SIGBUS: a handler then names the file and ends rcmap with exit code 2
  // (invalid input). Every command reads its inputs before it writes.
  static std::shared_ptr<FileBytes> map(int fd, std::size_t size, const std::string& path);
  ~FileBytes();
  FileBytes(const FileBytes&) = delete;
  FileBytes& operator=(const FileBytes&) = delete;

  // data()[size()] is readable and NUL, as in a std::string.
  char* data() { return data_; }
  std::size_t size() const { return size_; }

 private:
  FileBytes() = default;
  std::string owned_;
  void* map_ = nullptr;
  std::size_t map_len_ = 0;
  int guard_ = -1;  // slot in the SIGBUS handler's table of mapped files
  char* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace rcmap
