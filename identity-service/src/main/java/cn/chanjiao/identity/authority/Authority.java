package cn.chanjiao.identity.authority;

/**
 * An authority of the jurisdiction tree: the nation, a province, a city or a district/county, by
 * its GB/T 2260 code ({@code 100000} stands for the nation).
 */
public record Authority(String code, String name, AuthorityLevel level, String parentCode) {
}
