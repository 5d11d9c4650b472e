/* PNG encoder probe for bench/png_probe.sh (bench/README.md, "Figures and
 * report"): how long the ways of encoding one of rcmap's figure PNGs take, to
 * weigh a faster encoder. Reads a PNG (8-bit RGB), rebuilds the
 * image surface rcmap encodes (Cairo RGB24: B, G, R, X bytes per pixel) and
 * times, best of R runs, into memory:
 *   libpng-current   libpng, zlib level 1, no row filter, BGRX -> RGB by
 *                    png_set_bgr + png_set_filler (what render/canvas.cpp does)
 *   xrgb->rgb        the BGRX -> RGB conversion alone, plain loop
 *   zlib-L           zlib compress2 level L of the converted rows (filter 0)
 *   zlib-L-2thr      the same in two halves on two threads (raw deflate,
 *                    Z_FULL_FLUSH, adler32_combine: the pigz way; one valid
 *                    zlib stream)
 *   libdeflate-L     libdeflate_zlib_compress level L (one thread)
 *   libspng-L        libspng encode, level L, no filter (Debian's libspng
 *                    deflates with zlib)
 * Prints "method ms bytes" lines. Build: cc -O2 png_probe.c -lpng -lz
 * -ldeflate -lspng -lpthread. Not part of rcmap. */
#include <libdeflate.h>
#include <png.h>
#include <pthread.h>
#include <spng.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int W, H;
static unsigned char* bgrx; /* H rows of 4W bytes */
static unsigned char* raw;  /* H rows of 1 + 3W bytes (filter byte 0 + RGB) */

struct Buf {
  unsigned char* p;
  size_t n, cap;
};
static void put(struct Buf* b, const void* d, size_t n) {
  if (b->n + n > b->cap) {
    b->cap = (b->n + n) * 2;
    b->p = realloc(b->p, b->cap);
  }
  memcpy(b->p + b->n, d, n);
  b->n += n;
}
static void png_put(png_structp png, png_bytep d, png_size_t n) { put(png_get_io_ptr(png), d, n); }
static void png_flush_nop(png_structp png) { (void)png; }

static void read_png(const char* path) {
  FILE* f = fopen(path, "rb");
  if (!f) {
    perror(path);
    exit(2);
  }
  png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
  png_infop info = png_create_info_struct(png);
  if (setjmp(png_jmpbuf(png))) {
    fprintf(stderr, "%s: not a PNG libpng reads\n", path);
    exit(2);
  }
  png_init_io(png, f);
  png_read_png(png, info, PNG_TRANSFORM_STRIP_ALPHA | PNG_TRANSFORM_STRIP_16 | PNG_TRANSFORM_EXPAND, NULL);
  W = (int)png_get_image_width(png, info);
  H = (int)png_get_image_height(png, info);
  png_bytepp rows = png_get_rows(png, info);
  bgrx = malloc((size_t)W * H * 4);
  raw = malloc((size_t)(1 + 3 * W) * H);
  for (int y = 0; y < H; ++y)
    for (int x = 0; x < W; ++x) {
      unsigned char* q = bgrx + ((size_t)y * W + x) * 4;
      q[0] = rows[y][3 * x + 2], q[1] = rows[y][3 * x + 1], q[2] = rows[y][3 * x], q[3] = 0;
    }
  png_destroy_read_struct(&png, &info, NULL);
  fclose(f);
}

static size_t libpng_current(void) {
  struct Buf b = {0};
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
  png_infop info = png_create_info_struct(png);
  png_set_write_fn(png, &b, png_put, png_flush_nop);
  png_set_compression_level(png, 1);
  png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
  png_set_IHDR(png, info, W, H, 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
               PNG_FILTER_TYPE_DEFAULT);
  png_write_info(png, info);
  png_set_bgr(png);
  png_set_filler(png, 0, PNG_FILLER_AFTER);
  for (int y = 0; y < H; ++y) png_write_row(png, bgrx + (size_t)y * W * 4);
  png_write_end(png, info);
  png_destroy_write_struct(&png, &info);
  free(b.p);
  return b.n;
}

static size_t convert(void) {
  for (int y = 0; y < H; ++y) {
    unsigned char* r = raw + (size_t)y * (1 + 3 * W);
    const unsigned char* s = bgrx + (size_t)y * W * 4;
    r[0] = 0;
    for (int x = 0; x < W; ++x) r[1 + 3 * x] = s[4 * x + 2], r[2 + 3 * x] = s[4 * x + 1], r[3 + 3 * x] = s[4 * x];
  }
  return (size_t)(1 + 3 * W) * H;
}

static int level;
static size_t zlib_one(void) {
  uLongf n = compressBound((uLong)(1 + 3 * W) * H);
  unsigned char* out = malloc(n);
  compress2(out, &n, raw, (uLong)(1 + 3 * W) * H, level);
  free(out);
  return n;
}

struct Half {
  const unsigned char* in;
  size_t n;
  int last;
  unsigned char* out;
  size_t out_n;
};
static void* deflate_half(void* arg) {
  struct Half* h = arg;
  z_stream z = {0};
  deflateInit2(&z, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
  size_t cap = deflateBound(&z, h->n) + 16;
  h->out = malloc(cap);
  z.next_in = (Bytef*)h->in;
  z.avail_in = (uInt)h->n;
  z.next_out = h->out;
  z.avail_out = (uInt)cap;
  deflate(&z, h->last ? Z_FINISH : Z_FULL_FLUSH);
  h->out_n = cap - z.avail_out;
  deflateEnd(&z);
  return NULL;
}
static size_t zlib_two(void) {
  const size_t total = (size_t)(1 + 3 * W) * H, cut = (size_t)(1 + 3 * W) * (H / 2);
  struct Half a = {raw, cut, 0, NULL, 0}, b = {raw + cut, total - cut, 1, NULL, 0};
  pthread_t t;
  pthread_create(&t, NULL, deflate_half, &b);
  deflate_half(&a);
  uLong ad = adler32(1, raw, (uInt)cut);
  pthread_join(t, NULL);
  ad = adler32_combine(ad, adler32(1, raw + cut, (uInt)(total - cut)), (z_off_t)(total - cut));
  const size_t n = 2 + a.out_n + b.out_n + 4;
  free(a.out);
  free(b.out);
  (void)ad;
  return n;
}

static size_t deflate_lib(void) {
  struct libdeflate_compressor* c = libdeflate_alloc_compressor(level);
  const size_t in = (size_t)(1 + 3 * W) * H;
  size_t cap = libdeflate_zlib_compress_bound(c, in);
  unsigned char* out = malloc(cap);
  size_t n = libdeflate_zlib_compress(c, raw, in, out, cap);
  free(out);
  libdeflate_free_compressor(c);
  return n;
}

static size_t spng_one(void) {
  spng_ctx* ctx = spng_ctx_new(SPNG_CTX_ENCODER);
  spng_set_option(ctx, SPNG_ENCODE_TO_BUFFER, 1);
  spng_set_option(ctx, SPNG_IMG_COMPRESSION_LEVEL, level);
  spng_set_option(ctx, SPNG_FILTER_CHOICE, SPNG_DISABLE_FILTERING);
  struct spng_ihdr ihdr = {(uint32_t)W, (uint32_t)H, 8, SPNG_COLOR_TYPE_TRUECOLOR, 0, 0, 0};
  spng_set_ihdr(ctx, &ihdr);
  /* spng takes packed rows without filter bytes: the probe encodes from a copy. */
  static unsigned char* packed;
  if (!packed) {
    packed = malloc((size_t)3 * W * H);
    for (int y = 0; y < H; ++y) memcpy(packed + (size_t)y * 3 * W, raw + (size_t)y * (1 + 3 * W) + 1, 3 * W);
  }
  int err = spng_encode_image(ctx, packed, (size_t)3 * W * H, SPNG_FMT_PNG, SPNG_ENCODE_FINALIZE);
  size_t n = 0;
  int e2 = 0;
  void* out = spng_get_png_buffer(ctx, &n, &e2);
  if (err || e2) fprintf(stderr, "spng: %s\n", spng_strerror(err ? err : e2));
  free(out);
  spng_ctx_free(ctx);
  return n;
}

static void timeit(const char* name, size_t (*f)(void), int reps) {
  double best = 1e30;
  size_t bytes = 0;
  for (int i = 0; i < reps; ++i) {
    const double t = now_ms();
    bytes = f();
    const double d = now_ms() - t;
    if (d < best) best = d;
  }
  printf("%s %.2f %zu\n", name, best, bytes);
}

int main(int argc, char** argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: png_probe FILE.png [REPS]\n");
    return 1;
  }
  const int reps = argc > 2 ? atoi(argv[2]) : 5;
  read_png(argv[1]);
  char name[64];
  timeit("libpng-current", libpng_current, reps);
  timeit("xrgb->rgb", convert, reps);
  const int levels[] = {1, 6};
  for (int i = 0; i < 2; ++i) {
    level = levels[i];
    snprintf(name, sizeof name, "zlib-%d", level);
    timeit(name, zlib_one, reps);
    snprintf(name, sizeof name, "zlib-%d-2thr", level);
    timeit(name, zlib_two, reps);
    snprintf(name, sizeof name, "libspng-%d", level);
    timeit(name, spng_one, reps);
  }
  const int dl[] = {1, 2, 3, 4, 6};
  for (int i = 0; i < 5; ++i) {
    level = dl[i];
    snprintf(name, sizeof name, "libdeflate-%d", level);
    timeit(name, deflate_lib, reps);
  }
  return 0;
}
