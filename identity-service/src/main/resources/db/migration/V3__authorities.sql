-- The jurisdiction tree (GB/T 2260 codes, 2023 edition): the nation, all 31 provinces, every city of
-- Shanxi and of Zhejiang, and every district and county of Hangzhou; each authority with the eight
-- departments that run industry–education integration programmes. Data, not code: later
-- migrations add regions as programmes need them.
-- 100000 stands for the nation (the ministries); GB/T 2260 itself has no code for it.

insert into authority (code, name, level, parent_code) values ('100000', '全国', 'NATIONAL', null);

insert into authority (code, name, level, parent_code) values
    ('110000', '北京市', 'PROVINCE', '100000'),
    ('120000', '天津市', 'PROVINCE', '100000'),
    ('130000', '河北省', 'PROVINCE', '100000'),
    ('140000', '山西省', 'PROVINCE', '100000'),
    ('150000', '内蒙古自治区', 'PROVINCE', '100000'),
    ('210000', '辽宁省', 'PROVINCE', '100000'),
    ('220000', '吉林省', 'PROVINCE', '100000'),
    ('230000', '黑龙江省', 'PROVINCE', '100000'),
    ('310000', '上海市', 'PROVINCE', '100000'),
    ('320000', '江苏省', 'PROVINCE', '100000'),
    ('330000', '浙江省', 'PROVINCE', '100000'),
    ('340000', '安徽省', 'PROVINCE', '100000'),
    ('350000', '福建省', 'PROVINCE', '100000'),
    ('360000', '江西省', 'PROVINCE', '100000'),
    ('370000', '山东省', 'PROVINCE', '100000'),
    ('410000', '河南省', 'PROVINCE', '100000'),
    ('420000', '湖北省', 'PROVINCE', '100000'),
    ('430000', '湖南省', 'PROVINCE', '100000'),
    ('440000', '广东省', 'PROVINCE', '100000'),
    ('450000', '广西壮族自治区', 'PROVINCE', '100000'),
    ('460000', '海南省', 'PROVINCE', '100000'),
    ('500000', '重庆市', 'PROVINCE', '100000'),
    ('510000', '四川省', 'PROVINCE', '100000'),
    ('520000', '贵州省', 'PROVINCE', '100000'),
    ('530000', '云南省', 'PROVINCE', '100000'),
    ('540000', '西藏自治区', 'PROVINCE', '100000'),
    ('610000', '陕西省', 'PROVINCE', '100000'),
    ('620000', '甘肃省', 'PROVINCE', '100000'),
    ('630000', '青海省', 'PROVINCE', '100000'),
    ('640000', '宁夏回族自治区', 'PROVINCE', '100000'),
    ('650000', '新疆维吾尔自治区', 'PROVINCE', '100000');

-- Shanxi: every prefecture-level city
insert into authority (code, name, level, parent_code) values
    ('140100', '太原市', 'CITY', '140000'),
    ('140200', '大同市', 'CITY', '140000'),
    ('140300', '阳泉市', 'CITY', '140000'),
    ('140400', '长治市', 'CITY', '140000'),
    ('140500', '晋城市', 'CITY', '140000'),
    ('140600', '朔州市', 'CITY', '140000'),
    ('140700', '晋中市', 'CITY', '140000'),
    ('140800', '运城市', 'CITY', '140000'),
    ('140900', '忻州市', 'CITY', '140000'),
    ('141000', '临汾市', 'CITY', '140000'),
    ('141100', '吕梁市', 'CITY', '140000');

-- Zhejiang: every prefecture-level city
insert into authority (code, name, level, parent_code) values
    ('330100', '杭州市', 'CITY', '330000'),
    ('330200', '宁波市', 'CITY', '330000'),
    ('330300', '温州市', 'CITY', '330000'),
    ('330400', '嘉兴市', 'CITY', '330000'),
    ('330500', '湖州市', 'CITY', '330000'),
    ('330600', '绍兴市', 'CITY', '330000'),
    ('330700', '金华市', 'CITY', '330000'),
    ('330800', '衢州市', 'CITY', '330000'),
    ('330900', '舟山市', 'CITY', '330000'),
    ('331000', '台州市', 'CITY', '330000'),
    ('331100', '丽水市', 'CITY', '330000');

-- Hangzhou: every district, county and county-level city (since the 2021 adjustment)
insert into authority (code, name, level, parent_code) values
    ('330102', '上城区', 'DISTRICT', '330100'),
    ('330105', '拱墅区', 'DISTRICT', '330100'),
    ('330106', '西湖区', 'DISTRICT', '330100'),
    ('330108', '滨江区', 'DISTRICT', '330100'),
    ('330109', '萧山区', 'DISTRICT', '330100'),
    ('330110', '余杭区', 'DISTRICT', '330100'),
    ('330111', '富阳区', 'DISTRICT', '330100'),
    ('330112', '临安区', 'DISTRICT', '330100'),
    ('330113', '临平区', 'DISTRICT', '330100'),
    ('330114', '钱塘区', 'DISTRICT', '330100'),
    ('330122', '桐庐县', 'DISTRICT', '330100'),
    ('330127', '淳安县', 'DISTRICT', '330100'),
    ('330182', '建德市', 'DISTRICT', '330100');

-- the eight departments of every authority (DESIGN §2); names are generic, e.g. 山西省教育部门
insert into authority_department (authority_code, department, name)
select a.code, d.code, a.name || d.suffix
from authority a
cross join (values
    ('education', '教育部门'),
    ('development-reform', '发展改革部门'),
    ('industry-it', '工业和信息化部门'),
    ('sasac', '国有资产监督管理部门'),
    ('hr-social-security', '人力资源和社会保障部门'),
    ('finance', '财政部门'),
    ('sme', '中小企业主管部门'),
    ('federation-industry-commerce', '工商业联合会')) as d (code, suffix);
