#!/usr/bin/env bash
# Installs the Debian packages rcmap needs to build, test and benchmark.
# Installs only what is missing; safe to run again. Run as root (or with sudo).
set -euo pipefail

build_pkgs=(
  build-essential cmake pkg-config
  libigraph-dev                 # graph algorithms and graph formats
  libboost-program-options-dev  # command line
  libcairo2-dev libpango1.0-dev # figures
  libdeflate-dev                # PNG figures: fast whole-buffer deflate (render/canvas)
  fonts-dejavu-core             # embedded fonts for figures
  catch2                        # unit tests (v2)
  libssl-dev                    # SHA-256 checksums of inputs (OpenSSL EVP)
  libxlsxwriter-dev             # workbook.xlsx output
  libminizip-dev libexpat1-dev  # .xlsx input (zip container, XML)
  libreadstat-dev               # SPSS .sav input
  libutf8proc-dev               # NFC + case folding: look-alike unit ids and labels
)
extra_pkgs=()
for arg in "$@"; do
  case "$arg" in
    # python3-networkx (--test): the CLI tests read network.graphml back with NetworkX.
    --test)  extra_pkgs+=(poppler-utils python3 python3-openpyxl python3-networkx unzip clang libclang-rt-14-dev valgrind chromium python3-websocket clang-format) ;;
    # python3-graph-tool: second peer for the person-network kernels (bench/network.sh);
    # python3-matplotlib, python3-scipy: the figure peer (bench/peer_pipeline.py);
    # valgrind: instruction profiles (bench/figures_profile.sh); lib{png,deflate,spng}-dev,
    # zlib1g-dev: the PNG encoder probe (bench/png_probe.sh)
    --bench) extra_pkgs+=(python3 python3-pandas python3-networkx python3-graph-tool python3-matplotlib python3-scipy valgrind libpng-dev zlib1g-dev libdeflate-dev libspng-dev time) ;;
    *) echo "install-deps.sh: unknown option $arg (use --test, --bench)" >&2; exit 1 ;;
  esac
done

missing=()
for p in "${build_pkgs[@]}" "${extra_pkgs[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "install-deps.sh: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
