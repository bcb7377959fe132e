package cn.chanjiao.kit;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A minimal service on the kit, for the kit's own tests. It scans only the sample package: the
 * kit's own components arrive through auto-configuration, as in every real service.
 */
@SpringBootApplication(scanBasePackages = "cn.chanjiao.kit.sample")
public class KitSampleApplication {
}
