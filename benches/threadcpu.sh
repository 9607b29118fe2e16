#!/bin/bash
# threadcpu.sh CMD...: run CMD, sample per-thread CPU (utime+stime, clock ticks) until it exits;
# print each thread's final CPU seconds and the wall time.
t0=$(date +%s.%N)
"$@" > ${TMPDIR:-/tmp}/threadcpu.$$.out &
pid=$!
declare -A cpu name
while kill -0 $pid 2>/dev/null; do
  for f in /proc/$pid/task/*/stat; do
    read -r line < "$f" 2>/dev/null || continue
    tid=${line%% *}
    rest=${line#*) }
    n=${line#*(}; n=${n%%)*}
    set -- $rest
    cpu[$tid]=$(( ${12} + ${13} ))
    name[$tid]=$n
  done
  sleep 0.05
done
wait $pid
t1=$(date +%s.%N)
tot=0; max=0
for t in "${!cpu[@]}"; do
  echo "thread ${name[$t]}: $(awk -v c=${cpu[$t]} 'BEGIN{printf "%.2f", c/100}') s"
  tot=$((tot + cpu[$t])); [ ${cpu[$t]} -gt $max ] && max=${cpu[$t]}
done
awk -v t=$tot -v m=$max -v a=$t0 -v b=$t1 'BEGIN{printf "wall %.2f s, total CPU %.2f s, busiest thread %.2f s, total/busiest = %.2f\n", b-a, t/100, m/100, t/m}'
cat ${TMPDIR:-/tmp}/threadcpu.$$.out
