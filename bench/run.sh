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
  # scopelint scans the whole src directory: the units left out must not be there.
  (cd "$work" && find src -name '*.cpp' | sort) | while read -r unit; do
    printf '%s\n' "${units[@]}" | grep -qxF "$unit" || rm -f "$work/$unit"
  done
fi
qt=/usr/include/x86_64-linux-gnu/qt5
flags=(-std=c++17 -fPIC -w -I"$qt" -I"$qt/QtCore" -I"$qt/QtNetwork" -I"$qt/QtWidgets" -I"$qt/QtGui")
cd "$work"

# Runs a command (output discarded, exit code ignored: findings exit 1) and sets `wall` and `cpu`
# (user + sys seconds of the process and all its children, from /usr/bin/time). The ratios below
# are on CPU time: the machines this runs on are often loaded, which stretches wall time only.
timefile="$work/time"
measure() {
  /usr/bin/time -f '%e %U %S' -o "$timefile" "$@" >/dev/null 2>&1 || true
  # A failing command makes time(1) write "Command exited with non-zero status N" first.
  read -r wall user sys < <(tail -n 1 "$timefile")
  cpu=$(echo "$user + $sys" | bc -l)
}
ratio() { printf '%.3f' "$(echo "$1 / $2" | bc -l)"; }
fmt() { printf '%.2f' "$1"; }
cpu_wall() { echo "$(fmt "$1") s CPU ($(fmt "$2") s wall)"; }
max_rss_kb() { { /usr/bin/time -v "$@" 2>&1 >/dev/null || true; } | awk -F: '/Maximum resident/ {gsub(/ /,"",$2); print $2}'; }
# Not grep -q: it stops reading at the first match, and --help writing on then dies of SIGPIPE,
# which pipefail turns into "not supported".
supports() { "$bin" --help 2>&1 | grep -- "$1" >/dev/null; }

scan=("$bin" --quiet --no-source)
cache_args=()
if supports --cache-dir; then cache_args=(--cache-dir "$work/cache"); fi

row() { printf '%-46s %s\n' "$1" "$2"; }
echo "scopelint benchmark: ${#units[@]} units ($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)), $bin"
row "measure" "result (each row printed as soon as measured)"
row "units" "${#units[@]} (cpp-httplib, Qt network, Boost.Beast, libcurl)"
measure bash -c "for u in \"\$@\"; do $clangxx -fsyntax-only ${flags[*]} \"\$u\"; done" _ "${units[@]}"
clang_cpu=$cpu clang_wall=$wall
j1_args=()
supports ' -j' && j1_args=(-j 1)
[ ${#cache_args[@]} -gt 0 ] && rm -rf "$work/cache"
measure "${scan[@]}" "${cache_args[@]}" "${j1_args[@]}" src -- "${flags[@]}"
cold_cpu=$cpu cold_wall=$wall
row "clang++ -fsyntax-only, all units" "$(cpu_wall "$clang_cpu" "$clang_wall")"
row "scopelint cold -j1" "$(cpu_wall "$cold_cpu" "$cold_wall")   $(ratio "$cold_cpu" "$clang_cpu")x of clang, CPU (target <= 1.0x)"

if supports ' -j'; then
  [ ${#cache_args[@]} -gt 0 ] && rm -rf "$work/cache"
  measure "${scan[@]}" "${cache_args[@]}" -j 2 src -- "${flags[@]}"
  # A speed-up is a wall-time measure; it needs two idle cores to mean anything.
  j2_text="$(cpu_wall "$cpu" "$wall")   speed-up $(ratio "$cold_wall" "$wall")x wall (target >= 1.8x)"
else
  j2_text="n/a (no -j)"
fi
row "scopelint -j2 vs -j1" "$j2_text"

if [ ${#cache_args[@]} -gt 0 ]; then
  # Cache primed by the cold run above (the -j 2 run, if any, re-primed it).
  measure "${scan[@]}" "${cache_args[@]}" "${j1_args[@]}" src -- "${flags[@]}"
  warm_text="$(cpu_wall "$cpu" "$wall")   $(ratio "$cpu" "$cold_cpu")x of cold, CPU (target < 0.05x)"
  changed_unit="${units[0]}"
  echo "// touched by bench/run.sh" >>"$changed_unit"
  measure "${scan[@]}" "${cache_args[@]}" "${j1_args[@]}" src -- "${flags[@]}"
  changed_cpu=$cpu changed_wall=$wall
  measure "${scan[@]}" --no-cache "$changed_unit" -- "${flags[@]}"
  changed_text="$(cpu_wall "$changed_cpu" "$changed_wall")   $(ratio "$changed_cpu" "$cpu")x of that file alone ($(cpu_wall "$cpu" "$wall"); target < 1.2x)"
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

measure "$tidy" --quiet --checks='-*,readability-else-after-return' "${units[@]}" -- "${flags[@]}"
row "clang-tidy-14 (readability-else-after-return)" \
  "$(cpu_wall "$cpu" "$wall")   scopelint cold is $(ratio "$cold_cpu" "$cpu")x of it, CPU (target < 1.0x)"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
