package cn.chanjiao.application.form;

import cn.chanjiao.kit.text.CharacterCount;

import cn.chanjiao.application.form.ApplicationResponse.AttachmentView;
import cn.chanjiao.application.form.ApplicationResponse.PlanValueView;
import cn.chanjiao.application.form.ApplicationResponse.SectionView;

import java.util.Comparator;

/** Applications as responses. */
final class ApplicationViews {

    private ApplicationViews() {
    }

    static ApplicationResponse response(FormService.Loaded loaded) {
        ApplicationForm application = loaded.application();
        Form form = application.form();
        var definition = loaded.programme().definition();
        return new ApplicationResponse(application.id(), application.programmeId(), definition.code(), definition.name(),
                application.platformType(), application.organisationId(), application.status(), application.version(),
                application.name(), form.basicInfo(), form.leadUnits(), form.participants(),
                form.plan().stream().sorted(Comparator.comparing(Form.PlanValue::indicator)
                        .thenComparing(Form.PlanValue::year))
                        .map(v -> new PlanValueView(v.indicator(), v.year(), v.value())).toList(),
                loaded.type().sections().stream().map(section -> {
                    String text = form.sections().get(section.code());
                    return new SectionView(section.code(), section.title(), section.maxChars(), section.required(),
                            CharacterCount.of(text), text);
                }).toList(),
                form.commitment(), loaded.type().commitmentText(),
                loaded.attachments().stream().map(a -> new AttachmentView(a.id(), a.kind(), a.fileName(),
                        a.fileType().name(), a.fileType().contentType(), a.sizeBytes(), a.sha256(), a.uploadedAt())).toList(),
                application.returnComment(), application.createdAt(), application.updatedAt(), application.submittedAt(),
                definition.planYears().years(), loaded.type().baselineYear());
    }

    static ApplicationResponse.Summary summary(ApplicationForm application) {
        return new ApplicationResponse.Summary(application.id(), application.programmeId(), application.platformType(),
                application.organisationId(), application.status(), application.name(),
                application.recommendingRegionCode(), application.version(), application.updatedAt(),
                application.submittedAt());
    }
}
