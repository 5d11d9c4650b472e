/* Do two PNG files hold the same image? For bench/png_same.sh (bench/README.md,
 * "Figures and report"): the PNG encoder of render/canvas changed the bytes of
 * the figures, not their pixels. Decodes both with libpng's simplified API
 * (which checks every chunk's CRC and the zlib stream's Adler-32) to 8-bit
 * RGBA and compares width, height and every pixel.
 *   png_same A.png B.png     exit 0: same pixels; 1: different; 2: unreadable
 * Build: cc -O2 png_same.c -lpng. Not part of rcmap. */
#include <png.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned char* decode(const char* path, png_uint_32* w, png_uint_32* h) {
  png_image im;
  memset(&im, 0, sizeof im);
  im.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_file(&im, path)) {
    fprintf(stderr, "%s: %s\n", path, im.message);
    exit(2);
  }
  im.format = PNG_FORMAT_RGBA;
  unsigned char* px = malloc(PNG_IMAGE_SIZE(im));
  if (!px || !png_image_finish_read(&im, NULL, px, 0, NULL)) {
    fprintf(stderr, "%s: %s\n", path, im.message);
    exit(2);
  }
  *w = im.width;
  *h = im.height;
  return px;
}

int main(int argc, char** argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: png_same A.png B.png\n");
    return 2;
  }
  png_uint_32 wa, ha, wb, hb;
  unsigned char* a = decode(argv[1], &wa, &ha);
  unsigned char* b = decode(argv[2], &wb, &hb);
  if (wa != wb || ha != hb) {
    printf("%s: %ux%u, %s: %ux%u\n", argv[1], wa, ha, argv[2], wb, hb);
    return 1;
  }
  const size_t n = (size_t)wa * ha * 4;
  for (size_t i = 0; i < n; ++i)
    if (a[i] != b[i]) {
      printf("%s, %s: pixel (%zu, %zu) differs\n", argv[1], argv[2], (i / 4) % wa, (i / 4) / wa);
      return 1;
    }
  free(a);
  free(b);
  return 0;
}
