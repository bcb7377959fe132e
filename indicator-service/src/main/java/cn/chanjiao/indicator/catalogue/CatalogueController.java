package cn.chanjiao.indicator.catalogue;

import cn.chanjiao.kit.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The catalogues are public information: read with or without a token. */
@RestController
@RequestMapping({ "${chanjiao.service.api-base-path}/catalogues", "/api/v1/public/indicators/catalogues" })
@Tag(name = "Catalogues", description = "Monitoring-indicator catalogues per programme and platform type")
class CatalogueController {

    private final Catalogues catalogues;

    CatalogueController(Catalogues catalogues) {
        this.catalogues = catalogues;
    }

    @GetMapping
    @Operation(summary = "Every programme's catalogue in short: platform types and how many indicators of each kind")
    List<CatalogueSummary> list() {
        return catalogues.all().stream().map(CatalogueSummary::of).toList();
    }

    @GetMapping("/{programmeCode}")
    @Operation(summary = "One programme's whole catalogue")
    Catalogue get(@PathVariable String programmeCode) {
        return catalogues.find(programmeCode).orElseThrow(() -> ApiException.notFound("catalogue.notFound", programmeCode));
    }

    @GetMapping("/{programmeCode}/types/{platformType}")
    @Operation(summary = "One platform type's catalogue; with centreType, the key indicators of that practice-centre type")
    TypeCatalogueResponse type(@PathVariable String programmeCode, @PathVariable String platformType,
            @RequestParam(required = false) CentreType centreType) {
        Catalogue.TypeCatalogue type = catalogues.find(programmeCode, platformType)
                .orElseThrow(() -> ApiException.notFound("catalogue.typeNotFound", programmeCode, platformType));
        CentreType centre = centreType != null ? centreType : CentreType.fixedBy(platformType);
        return TypeCatalogueResponse.of(programmeCode, type, centre);
    }

    /** A programme's catalogue in short. */
    record CatalogueSummary(String programmeCode, String name, String authorityCode, Catalogue.Years planYears,
            Catalogue.Collection collection, List<TypeSummary> platformTypes) {

        static CatalogueSummary of(Catalogue catalogue) {
            Catalogue.Programme programme = catalogue.programme();
            return new CatalogueSummary(programme.code(), programme.name(), programme.authorityCode(),
                    programme.planYears(), programme.collection(),
                    catalogue.platformTypes().stream().map(TypeSummary::of).toList());
        }
    }

    record TypeSummary(String type, String name, int dimensions, int indicators, long planned, long collected,
            long derived, List<CentreType> centreTypes) {

        static TypeSummary of(Catalogue.TypeCatalogue type) {
            return new TypeSummary(type.type(), type.name(), type.dimensions().size(), type.indicators().size(),
                    count(type, IndicatorKind.PLANNED), count(type, IndicatorKind.COLLECTED),
                    count(type, IndicatorKind.DERIVED), type.centreTypes());
        }

        private static long count(Catalogue.TypeCatalogue type, IndicatorKind kind) {
            return type.indicators().stream().filter(indicator -> indicator.kind() == kind).count();
        }
    }

    record TypeCatalogueResponse(String programmeCode, String type, String name, Integer baselineYear,
            CentreType centreType, List<CentreType> centreTypes, List<Catalogue.Dimension> dimensions,
            List<Catalogue.Indicator> indicators, List<String> keyIndicators) {

        static TypeCatalogueResponse of(String programmeCode, Catalogue.TypeCatalogue type, CentreType centre) {
            return new TypeCatalogueResponse(programmeCode, type.type(), type.name(), type.baselineYear(), centre,
                    type.centreTypes(), type.dimensions(), type.indicators(), type.indicators().stream()
                            .filter(indicator -> indicator.keyFor(centre)).map(Catalogue.Indicator::code).toList());
        }
    }
}
