package cn.chanjiao.indicator.collection;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SaveDigestTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void theSameBatchHasTheSameFingerprintAndAnyChangeAnother() {
        SaveValuesRequest batch = batch("12", "说明", "att-1");
        assertThat(CollectionService.digest(batch)).isEqualTo(CollectionService.digest(batch("12", "说明", "att-1")))
                .hasSize(64);
        assertThat(CollectionService.digest(batch)).isNotEqualTo(CollectionService.digest(batch("13", "说明", "att-1")))
                .isNotEqualTo(CollectionService.digest(batch("12", "说明2", "att-1")))
                .isNotEqualTo(CollectionService.digest(batch("12", "说明", "att-2")));
    }

    private static SaveValuesRequest batch(String value, String note, String attachment) {
        return new SaveValuesRequest(List.of(new SaveValuesRequest.Entry("CORE_COURSES", NODES.stringNode(value),
                List.of(new StoredValue.Evidence(attachment, "a.pdf", null)), note),
                new SaveValuesRequest.Entry("ORDER_TRAINING", NODES.numberNode(3), null, null)));
    }
}
