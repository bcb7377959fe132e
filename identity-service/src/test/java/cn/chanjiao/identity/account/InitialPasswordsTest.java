package cn.chanjiao.identity.account;

import org.junit.jupiter.api.RepeatedTest;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class InitialPasswordsTest {

    @RepeatedTest(20)
    void anInitialPasswordHasSixteenCharactersWithLettersAndDigitsAndNoLookAlikes() {
        String password = InitialPasswords.next();

        assertThat(password).hasSize(16).matches(".*[A-Za-z].*").matches(".*[2-9].*").doesNotContainPattern("[0O1lI]");
    }

    @RepeatedTest(3)
    void initialPasswordsDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            seen.add(InitialPasswords.next());
        }
        assertThat(seen).hasSize(1000);
    }
}
