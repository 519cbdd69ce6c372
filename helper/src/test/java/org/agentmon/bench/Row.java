package org.agentmon.bench;

/** One row of the bench table: a figure, its baseline from the same run, the target and whether it is met. */
record Row(String name, double figure, String unit, String baselineName, double baseline, String target,
    boolean met) {
  double ratio() {
    return baseline == 0 ? Double.NaN : figure / baseline;
  }
}
