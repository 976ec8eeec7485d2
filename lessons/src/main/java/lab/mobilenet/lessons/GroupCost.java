package lab.mobilenet.lessons;

/**
 * Cost of one row of the "groups from 1 to M" table: a {@code D_K×D_K} convolution from M to N channels split
 * into {@code groups} independent groups. MACs and parameters both divide by the number of groups.
 *
 * @param kind "standard" (g = 1), "depthwise" (g = M = N) or "grouped"; display name under {@code trace.<kind>}
 */
public record GroupCost(int groups, long macs, long params, String kind, double relativeToStandard) {
}
