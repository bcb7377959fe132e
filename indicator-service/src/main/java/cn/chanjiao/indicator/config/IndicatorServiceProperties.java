package cn.chanjiao.indicator.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * indicator-service settings, prefix {@code chanjiao.indicator}.
 *
 * @param loadCatalogues load {@code classpath:catalogues/*.yml} on start (a programme already stored is left alone)
 * @param windows        how often the collection windows are checked (one instance acts, ShedLock)
 * @param plausibility   when a value draws a warning
 * @param maxValuesPerSave the largest batch one save may carry
 * @param maxImportBytes   the largest XLSX import
 */
@ConfigurationProperties("chanjiao.indicator")
public record IndicatorServiceProperties(@DefaultValue("true") boolean loadCatalogues, @DefaultValue Windows windows,
        @DefaultValue Plausibility plausibility, @DefaultValue("500") int maxValuesPerSave,
        @DefaultValue("10485760") long maxImportBytes) {

    public record Windows(@DefaultValue("PT30S") Duration checkEvery, @DefaultValue("PT15S") Duration initialDelay) {
    }

    /**
     * @param jumpFactor   warn when a value is more than this many times the previous year's (or less than its share)
     * @param targetFactor warn when a value is more than this many times its target (or less than its share)
     */
    public record Plausibility(@DefaultValue("10") BigDecimal jumpFactor, @DefaultValue("3") BigDecimal targetFactor) {
    }
}
