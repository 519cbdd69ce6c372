/**
 * The bench ({@code ./mvnw -B -Pbench -pl helper verify}): each figure beside a baseline measured in
 * the same run, from real processes on real Unix sockets. One class per figure group; a new group
 * is a class with a {@code measure(BenchRun)} method, listed in {@link org.agentmon.bench.PerformanceBench}.
 */
package org.agentmon.bench;
