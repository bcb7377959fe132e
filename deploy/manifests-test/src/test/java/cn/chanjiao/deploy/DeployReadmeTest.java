package cn.chanjiao.deploy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.chanjiao.contracts.Topics;

/**
 * deploy/README.md tells operators what the external PostgreSQL and Kafka must hold: every
 * service's database and every topic of {@link Topics#ALL}, and how each application is sized.
 */
class DeployReadmeTest {

    @Test
    void listsTheDatabasesTopicsAndApplicationsOperatorsProvide() {
        Platform platform = Platform.read();
        String readme = platform.readme();
        Problems problems = new Problems("deploy/README.md");
        List<String> needed = new ArrayList<>();
        platform.services().forEach(app -> needed.add("`" + app.database() + "`"));
        needed.add("`keycloak`");
        Topics.ALL.forEach(topic -> needed.add("`" + topic + "`"));
        platform.apps.values().forEach(app -> needed.add(app.name()));
        for (String item : needed) {
            problems.check(readme.contains(item), "does not mention " + item);
        }
        problems.assertNone();
    }
}
