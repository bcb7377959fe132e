package cn.chanjiao.indicator;

import cn.chanjiao.testkit.architecture.ServiceArchitectureRules;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;

@AnalyzeClasses(packages = "cn.chanjiao.indicator", importOptions = ImportOption.DoNotIncludeTests.class)
class IndicatorArchitectureTest {

    @ArchTest
    static final ArchTests rules = ArchTests.in(ServiceArchitectureRules.class);
}
