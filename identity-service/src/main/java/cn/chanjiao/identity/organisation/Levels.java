package cn.chanjiao.identity.organisation;

/** The graded attributes of organisations that programme rules look at. */
final class Levels {

    private Levels() {
    }

    /** 产教融合型企业: certified (or in the cultivation list) at national, provincial or city level. */
    enum IntegrationEnterpriseLevel { NATIONAL, PROVINCIAL, MUNICIPAL }

    /** 中职 / 高职专科 / 职业本科. */
    enum VocationalLevel { SECONDARY, HIGHER, UNDERGRADUATE }

    /** “双高计划” school: national or provincial. */
    enum DoubleHighLevel { NATIONAL, PROVINCIAL }

    /** Industrial park level: national, provincial or municipal. */
    enum ParkLevel { NATIONAL, PROVINCIAL, MUNICIPAL }
}
