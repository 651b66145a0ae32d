#!/usr/bin/env bash
# Benchmarks scopelint against clang -fsyntax-only and clang-tidy on real-header client units.
# Usage: bench/run.sh [SCOPELINT_BINARY]   (default: build/scopelint; see docs/benchmark.md)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="$(realpath "${1:-$root/build/scopelint}")"
[ -x "$bin" ] || { echo "bench/run.sh: no scopelint binary at $bin (build it first)" >&2; exit 2; }
clangxx="${CLANGXX:-clang++-14}" tidy="${CLANG_TIDY:-clang-tidy-14}"
work="$(mktemp -d "${TMPDIR:-/tmp}/scopelint-bench-XXXXXX")"
trap 'rm -rf "$work"' EXIT

# The corpus: the fixture clients of the libraries with heavy real headers (cpp-httplib, Qt network,
# Boost.Beast, libcurl), copied with their local headers so that the fixtures stay untouched.
for lib in cpp-httplib qt boost-beast libcurl; do
  mkdir -p "$work/src/$lib"
  cp "$root/fixtures/$lib/"*.cpp "$work/src/$lib/"
  cp "$root/fixtures/$lib/"*.h "$work/src/$lib/" 2>/dev/null || true
done
mapfile -t units < <(cd "$work" && find src -name '*.cpp' | sort)
# BENCH_UNITS=N: only the first N units (a quick run), spread over the libraries.
if [ -n "${BENCH_UNITS:-}" ]; then
  mapfile -t units < <(printf '%s\n' "${units[@]}" | awk -F/ '!seen[$2]++' | head -n "$BENCH_UNITS")
fi
qt=/usr/include/x86_64-linux-gnu/qt5
flags=(-std=c++17 -fPIC -w -I"$qt" -I"$qt/QtCore" -I"$qt/QtNetwork" -I"$qt/QtWidgets" -I"$qt/QtGui")
cd "$work"

now() { date +%s.%N; }
# Wall seconds of a command (its output discarded; its exit code ignored: findings exit 1).
seconds() { local t0; t0=$(now); "$@" >/dev/null 2>&1 || true; echo "$(now) - $t0" | bc -l; }
ratio() { printf '%.3f' "$(echo "$1 / $2" | bc -l)"; }
fmt() { printf '%.2f' "$1"; }
max_rss_kb() { { /usr/bin/time -v "$@" 2>&1 >/dev/null || true; } | awk -F: '/Maximum resident/ {gsub(/ /,"",$2); print $2}'; }
supports() { "$bin" --help 2>&1 | grep -q -- "$1"; }

scan=("$bin" --quiet --no-source)
cache_args=()
if supports --cache-dir; then cache_args=(--cache-dir "$work/cache"); fi

row() { printf '%-46s %s\n' "$1" "$2"; }
echo "scopelint benchmark: ${#units[@]} units ($(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)), $bin"
row "measure" "result (each row printed as soon as measured)"
row "units" "${#units[@]} (cpp-httplib, Qt network, Boost.Beast, libcurl)"
clang_all=$(seconds bash -c "for u in \"\$@\"; do $clangxx -fsyntax-only ${flags[*]} \"\$u\"; done" _ "${units[@]}")
j1_args=()
supports ' -j' && j1_args=(-j 1)
[ ${#cache_args[@]} -gt 0 ] && rm -rf "$work/cache"
cold=$(seconds "${scan[@]}" "${cache_args[@]}" "${j1_args[@]}" src -- "${flags[@]}")
row "clang++ -fsyntax-only, all units" "$(fmt "$clang_all") s"
row "scopelint cold -j1" "$(fmt "$cold") s   $(ratio "$cold" "$clang_all")x of clang (target <= 1.0x)"

if supports ' -j'; then
  [ ${#cache_args[@]} -gt 0 ] && rm -rf "$work/cache"
  j2=$(seconds "${scan[@]}" "${cache_args[@]}" -j 2 src -- "${flags[@]}")
  j2_text="$(fmt "$j2") s   speed-up $(ratio "$cold" "$j2")x (target >= 1.8x)"
else
  j2_text="n/a (no -j)"
fi
row "scopelint -j2 vs -j1" "$j2_text"

if [ ${#cache_args[@]} -gt 0 ]; then
  # Cache primed by the cold run above (the -j 2 run, if any, re-primed it).
  warm=$(seconds "${scan[@]}" "${cache_args[@]}" "${j1_args[@]}" src -- "${flags[@]}")
  warm_text="$(fmt "$warm") s   $(ratio "$warm" "$cold")x of cold (target < 0.05x)"
  changed_unit="${units[0]}"
  echo "// touched by bench/run.sh" >>"$changed_unit"
  changed=$(seconds "${scan[@]}" "${cache_args[@]}" "${j1_args[@]}" src -- "${flags[@]}")
  alone=$(seconds "${scan[@]}" --no-cache "$changed_unit" -- "${flags[@]}")
  changed_text="$(fmt "$changed") s   $(ratio "$changed" "$alone")x of that file alone ($(fmt "$alone") s; target < 1.2x)"
else
  warm_text="n/a (no --cache-dir)"
  changed_text="n/a (no --cache-dir)"
fi
row "scopelint warm re-run vs cold" "$warm_text"
row "scopelint one file changed" "$changed_text"

# The largest unit: the one whose preprocessed text is longest.
largest="" largest_size=0
for u in "${units[@]}"; do
  size=$("$clangxx" -E "${flags[@]}" "$u" 2>/dev/null | wc -c)
  if [ "$size" -gt "$largest_size" ]; then largest="$u" largest_size="$size"; fi
done
rss_clang=$(max_rss_kb "$clangxx" -fsyntax-only "${flags[@]}" "$largest")
nocache=()
[ ${#cache_args[@]} -gt 0 ] && nocache=(--no-cache)
rss_scan=$(max_rss_kb "${scan[@]}" "${nocache[@]}" "${j1_args[@]}" "$largest" -- "${flags[@]}")
row "peak RSS, largest unit ($(basename "$largest"))" \
  "scopelint $((rss_scan / 1024)) MB vs clang $((rss_clang / 1024)) MB: $(ratio "$rss_scan" "$rss_clang")x (target <= 1.5x)"

tidy_all=$(seconds "$tidy" --quiet --checks='-*,readability-else-after-return' "${units[@]}" -- "${flags[@]}")

row "clang-tidy-14 (readability-else-after-return)" \
  "$(fmt "$tidy_all") s   scopelint cold is $(ratio "$cold" "$tidy_all")x of it (target < 1.0x)"
