#!/usr/bin/env bash
# Per-thread CPU of a server over a stretch of time, from /proc (no agent, nothing in the JVM): where the CPU
# goes outside Java code too (GC, JIT, the JVM's own service threads), which JFR's execution samples miss.
#
#   bench/threads.sh snapshot PID > before.txt    # one line per thread: jiffies(utime+stime) name
#   bench/threads.sh diff before.txt after.txt    # CPU seconds per thread kind (digits folded), largest first
set -euo pipefail
case "${1:-}" in
  snapshot)
    for stat in /proc/"$2"/task/*/stat; do
      # comm may hold spaces; utime and stime are fields 14 and 15 counted after the ")"
      awk '{ c = $0; sub(/^[0-9]+ \(/, "", c); sub(/\) [A-Za-z] .*$/, "", c); r = $0; sub(/^.*\) /, "", r);
             split(r, f, " "); printf "%s %d %s\n", FILENAME, f[12] + f[13], c }' "$stat" 2>/dev/null || true
    done | sed 's|^/proc/[0-9]*/task/||; s|/stat||'
    ;;
  diff)
    tck=$(getconf CLK_TCK)
    awk -v tck="$tck" 'NR == FNR { before[$1] = $2; next }
      { name = $0; sub(/^[0-9]+ [0-9]+ /, "", name); gsub(/[0-9]+/, "#", name)
        cpu[name] += $2 - ($1 in before ? before[$1] : 0); total += $2 - ($1 in before ? before[$1] : 0) }
      END { for (n in cpu) if (cpu[n] > 0) printf "%8.2f s %5.1f%%  %s\n", cpu[n] / tck, 100 * cpu[n] / total, n
            printf "%8.2f s total\n", total / tck }' "$2" "$3" | sort -rn
    ;;
  *) echo "usage: $0 snapshot PID | diff BEFORE AFTER" >&2; exit 2 ;;
esac
