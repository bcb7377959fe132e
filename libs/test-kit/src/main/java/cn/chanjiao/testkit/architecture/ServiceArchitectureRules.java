package cn.chanjiao.testkit.architecture;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The rules every service keeps (STYLE.md): packages by feature without cycles, no layer packages,
 * and no reach into another service's code. A service's architecture test includes them with
 * {@code @ArchTest static final ArchTests rules = ArchTests.in(ServiceArchitectureRules.class);}.
 */
public final class ServiceArchitectureRules {

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("cn.chanjiao.(*).(*)..")
            .should().beFreeOfCycles().allowEmptyShould(true);

    @ArchTest
    static final ArchRule noLayerPackages = noClasses().should()
            .resideInAnyPackage("..controller..", "..service..", "..repository..", "..impl..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule noReachIntoOtherServices = slices().matching("cn.chanjiao.(identity|application|reporting|indicator|notification|gateway)..")
            .should().notDependOnEachOther().allowEmptyShould(true);

    private ServiceArchitectureRules() {
    }
}
