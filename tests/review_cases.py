"""Held-out defects: sentences written apart from the rules, each with one defect a reviewer
would send back, to measure the review on wording it was not tuned to.

Each case is (family, part, sentence): the sentence is put at the end of the first body
paragraph of that part in an invented clean draft (tests/review_drafts.py), whose year is
set by ``year``. Written for this project; every unit, name and number is made up.
"""

from __future__ import annotations

from review_drafts import Draft, clean

# (family, part the sentence goes to, sentence, report year)
CASES: list[tuple[str, str, str, int]] = [
    # 领导人姓名和规范提法
    ("term.leader-name", "measures", "全面贯彻习近平平法治思想，推动法治公安建设走深走实。", 2024),
    ("term.leader-name", "measures", "深入学习贯彻近平新时代中国特色社会主义思想，筑牢政治忠诚。", 2024),
    ("term.leader-name", "leadership", "局党委带头学习习总书记关于公安工作的重要论述。", 2024),
    ("term.leader-name", "measures", "坚持以习近平新时代中国特色社会义思想为指导谋划工作。", 2025),
    ("term.leader-name", "measures", "学习贯彻习近平新时代中国特色主义思想，做到学思用贯通。", 2023),
    ("term.leader-name", "measures", "牢固树立国家总体安全观，防范化解重大风险。", 2024),
    # 错别字
    ("typo", "measures", "对发现的问题立即整改，不断的完善制度机制。", 2024),
    ("typo", "measures", "聘请法律顾问参予重大决策论证。", 2024),
    ("typo", "measures", "组织民警观看警示教育片，引以为介。", 2024),
    ("typo", "measures", "开展安全隐患排查，防患于未燃。", 2024),
    ("typo", "measures", "严格按照上级部暑开展专项行动。", 2024),
    ("typo", "measures", "切实维护群众的合法权意。", 2024),
    ("typo", "measures", "对该案进一步侦察后依法移送起诉。", 2024),
    ("typo", "measures", "全局民警克尽职守，圆满完成各项安保任务。", 2024),
    ("typo", "shortcomings", "一是个别民警的程序意思不强，主要原因是培训不够。", 2024),
    ("typo", "measures", "执法监督工作取得了明显的成效，得到了群众的一至好评。", 2024),
    ("typo", "measures", "各单位认真贯切落实上级部署。", 2024),
    ("typo", "measures", "对违法行为作到发现一起、查处一起。", 2024),
    # 法律法规名称
    ("term.law-name", "measures", "组织民警学习新修订的《行政复议法实施细则》。", 2024),
    ("term.law-name", "measures", "依照《中华人民共和国道路交通安全管理法》查处交通违法行为。", 2024),
    ("term.law-name", "measures", "认真贯彻《反电信网络诈骗犯罪法》。", 2024),
    ("term.law-name", "measures", "严格执行《信访条例》，依法分类处理信访诉求。", 2024),
    ("term.law-name", "measures", "对照《法治政府建设实施纲要（2015-2020年）》逐项抓落实。", 2023),
    ("term.law-name", "measures", "落实《党政主要负责人履行推进法治建设第一责任人职责的规定》。", 2024),
    # 有时效的提法
    ("term.period", "measures", "认真总结“七五”普法工作经验。", 2024),
    ("term.period", "measures", "对标“十三五”规划目标，补齐短板。", 2024),
    ("term.period", "measures", "深入学习贯彻党的十九大和十九届历次全会精神。", 2024),
    ("term.period", "plans", "启动“十六五”时期法治公安建设规划编制。", 2024),
    ("term.period", "measures", "扎实开展党史学习教育，推动为民办实事。", 2025),
    # 重复
    ("copy.repeated", "measures", "全年办理政府信息公开申请，依法按期答复。全年办理政府信息公开申请，依法按期答复。", 2024),
    ("copy.repeated", "leadership", "局长带头述法并接受评议，推动法治建设责任层层落实。局长带头述法并接受评议，推动法治建设责任层层落实。", 2024),
    # 相对时间
    ("time.relative", "measures", "今年共办理涉企案件56件。", 2024),
    ("time.relative", "measures", "近日，我局破获一起跨省盗窃案件。", 2024),
    ("time.relative", "measures", "截至目前，已建成智慧安防小区38个。", 2024),
    ("time.relative", "measures", "今年以来，全局未发生重大安全事故。", 2024),
    ("time.relative", "plans", "今年将继续深化执法规范化建设。", 2024),
    # 安排的年份
    ("plans.year", "plans", "2024年，我局将重点抓好执法监督平台建设。", 2024),
    ("plans.year", "plans", "2023年工作打算：深化警务机制改革。", 2024),
    ("plans.year", "measures", "2025年3月，该案已由法院作出一审判决。", 2024),
    # 不足
    ("shortcoming.boilerplate", "shortcoming-replace", "一是执法规范化水平有待进一步提升。", 2024),
    ("shortcoming.boilerplate", "shortcoming-replace", "一是队伍建设还存在短板。", 2024),
    ("shortcoming.no-cause", "shortcoming-replace", "一是部分基层所队的案件审核把关不严，退查率偏高，个别案件存在超期羁押隐患。", 2024),
    ("shortcoming.no-cause", "shortcoming-replace", "一是执法公开的范围和深度不够，群众通过网站查询办案进度不便。", 2024),
    ("shortcoming.external", "shortcoming-replace",
     "一是部门协作不够顺畅，有关部门对移送的涉嫌犯罪线索接收不及时，法院对部分行政强制执行申请不予受理，导致执法效果打折扣。", 2024),
    ("shortcoming.external", "shortcoming-replace",
     "一是司法衔接存在梗阻，检察机关对电信诈骗案件的证据标准要求较高，法官对同类案件量刑尺度不一，导致部分案件难以起诉。", 2024),
    # 数字
    ("figures.inconsistent", "measures", "全年受理行政案件从上年的1200起降至1080起，同比下降12.5%。", 2024),
    ("figures.inconsistent", "measures", "群众满意率由92.5%提高到95.1%，提高3.6个百分点。", 2024),
    ("figures.inconsistent", "measures", "全年破获电信网络诈骗案件由上年的300起上升到360起，同比下降20%。", 2024),
    ("figures.vague", "measures", "开展多轮专项整治，查处大批违法犯罪人员。", 2024),
    ("figures.vague", "measures", "通过专项行动，辖区治安状况显著改善。", 2024),
    ("figures.vague", "measures", "多次组织民警深入企业走访，解决企业诉求。", 2024),
    ("figures.vague", "leadership", "局长多次召开专题会议研究执法规范化建设。", 2024),
    ("figures.vague", "measures", "社会治安明显好转，群众安全感大幅提升。", 2024),
    # 个人信息
    ("privacy", "measures", "成功抓获违法嫌疑人赵小军，并依法予以行政拘留。", 2024),
    ("privacy", "measures", "被害人孙丽华的被骗资金已全部追回。", 2024),
    ("privacy", "measures", "值班电话：13912345678。", 2024),
    ("privacy", "measures", "查获涉嫌醉驾的苏E·8K276号轿车。", 2024),
    ("privacy", "measures", "当事人（身份证号11010519491231002X）已领回涉案财物。", 2024),
    # 半角标点、空白
    ("punct.halfwidth", "measures", "全年开展培训12期,培训民警600人次;考试合格率98%。", 2024),
    ("punct.halfwidth", "measures", "重点围绕(一)执法规范(二)执法监督两方面开展工作。", 2024),
    ("placeholder", "measures", "全年共办理案件XX件。", 2024),
    ("placeholder", "measures", "【此处补充典型案例】", 2024),
    ("placeholder", "leadership", "局长出庭应诉××次。", 2024),
]


def draft_for(case_index: int) -> Draft:
    """The clean draft with case ``case_index`` put in."""
    family, part, sentence, year = CASES[case_index]
    d = next(d for d in map(clean, range(1000 + 97 * case_index, 10**6)) if d.year == year)
    if part == "shortcoming-replace":
        i = d.indexes("shortcomings")[0]
        text = d.paragraphs[i]
        start = text.index("一是")
        end = text.find("二是")
        d.paragraphs[i] = text[:start] + sentence + (text[end:] if end > 0 else "")
        return d
    i = next(i for i in d.indexes(part) if not d.paragraphs[i].startswith("（"))
    d.paragraphs[i] += sentence
    return d


# Correct sentences that come close to what the rules look for (words containing a wrong
# form, legitimate short names, masked names, round numbers with 余 …): none may be flagged.
# (part, sentence, report year)
CLEAN: list[tuple[str, str, int]] = [
    ("measures", "坚持打防并举，把预防犯罪摆在突出位置，确保各项工作到位、责任到人。", 2024),
    ("measures", "推进队伍正规化、专业化、职业化建设，常规化开展执法培训。", 2024),
    ("measures", "各项整改措施实行台账管理，设施实现全覆盖。", 2024),
    ("measures", "准确把握民事法律意思表示规则，妥善处置涉企经济纠纷。", 2024),
    ("measures", "在报名截止日期前完成审核，1至3月、一至十二月分别开展两轮评查。", 2024),
    ("measures", "依法采取技术侦查措施，快速破获一批电信网络诈骗案件。", 2024),
    ("measures", "组织民警深入学习总书记重要讲话精神，学习法治思想的科学内涵和实践要求。", 2024),
    ("measures", "完整准确贯彻习近平新时代中国特色社会主义思想，深入学习贯彻习近平法治思想。", 2024),
    ("measures", "坚持总体国家安全观，完善中国特色社会主义法律体系在公安领域的配套制度。", 2024),
    ("measures", "坚持严格、规范、公正、文明执法，党的二十大以来执法质量持续提升。", 2024),
    ("measures", "2024年以来，全局法治建设取得显著成效，成效显著的做法在全市推广。", 2024),
    ("measures", "累计开展巡查20余次，出动警力300余人次，检查场所1.2万余家。", 2024),
    ("measures", "推动多部门联合执法，坚持多元化解、多措并举、多层次防控。", 2024),
    ("measures", "依照《中华人民共和国民法典》《中华人民共和国刑事诉讼法》《中华人民共和国民事诉讼法》办理案件。", 2024),
    ("measures", "贯彻《中华人民共和国监察法实施条例》《道路交通安全法实施条例》《保安服务管理条例》。", 2024),
    ("measures", "落实《行政执法机关移送涉嫌犯罪案件的规定》和《旅馆业治安管理办法》。", 2024),
    ("measures", "严格执行《中华人民共和国反有组织犯罪法》《中华人民共和国个人信息保护法》。", 2024),
    ("measures", "被害人家属对处理结果表示满意，当事人陈述和申辩权利得到保障。", 2024),
    ("measures", "犯罪嫌疑人全部到案，当事人双方达成调解协议，嫌疑人员已移送起诉。", 2024),
    ("measures", "犯罪嫌疑人李某某、被害人王某的个人信息已依法保密，嫌疑人张某等3人被刑事拘留。", 2024),
    ("measures", "群众可拨打110、12345热线或通过交管12123反映问题，办公电话0571-87654321。", 2024),
    ("measures", "深化川渝通办和京津冀协同，服务粤港澳大湾区建设。", 2024),
    ("measures", "为企业办理统一社会信用代码91500101MA5U123456的营业执照提供协助。", 2024),
    ("measures", "建成5G智慧警务站，上线App便民服务，比例达到1:2。", 2024),
    ("measures", "配备X光安检机，强化寄递物流安全管理。", 2024),
    ("measures", "目前已完成系统升级，近期将出台配套规定。", 2024),
    ("measures", "“十四五”规划收官之年，各项目标任务全面完成。", 2025),
    ("plans", "谋划“九五”普法规划，启动“十五五”法治公安建设规划编制。", 2025),
    ("measures", "深入学习贯彻党的二十大和二十届三中全会精神。", 2024),
    ("measures", "全年办理案件从上年的500起降至450起，同比下降10%。", 2024),
    ("measures", "群众满意率由92.5%提高到95.1%，提高2.6个百分点。", 2024),
]


def clean_draft_for(case_index: int) -> Draft:
    """A clean draft with correct sentence ``case_index`` of CLEAN put in."""
    part, sentence, year = CLEAN[case_index]
    d = next(d for d in map(clean, range(5000 + 97 * case_index, 10**6)) if d.year == year)
    i = next(i for i in d.indexes(part) if not d.paragraphs[i].startswith("（"))
    d.paragraphs[i] += sentence
    return d
