package cn.chanjiao.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;

class ProblemResponsesTest {

    @ParameterizedTest(name = "Accept-Language \"{0}\" → English: {1}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
            "NONE | false",
            "zh-CN,zh;q=0.9,en;q=0.8 | false",
            "en | true",
            "en-US,en;q=0.9 | true",
            "EN-gb | true",
            "fr-FR,en;q=0.5 | false"})
    void englishOnlyWhenTheFirstLanguageIsEnglish(String acceptLanguage, boolean english) {
        HttpHeaders headers = new HttpHeaders();
        if (acceptLanguage != null) {
            headers.set(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage);
        }

        assertThat(ProblemResponses.prefersEnglish(headers)).isEqualTo(english);
    }
}
