"""Invented drafts for measuring the content review: clean ones, and ones with one planted defect.

Every sentence here was written for this project; the bureaus (澄源县公安局 …) do not
exist and every figure is made up. A draft is a list of paragraphs; ``clean(seed)``
builds one that a careful writer could submit (varied unit, year, order, numbering,
topics), and each planter in PLANTERS returns a copy with one defect of its family
planted, the paragraph it is in, and the rule id prefix that should find it.

Importable by tests and by benchmarks/review_quality.py (tests/ on sys.path).
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

UNITS = [
    ("澄源县公安局", "澄源县", "县"), ("青岚区公安分局", "青岚区", "区"), ("东溟市公安局", "东溟市", "市"),
    ("白石县公安局", "白石县", "县"), ("临江市公安局", "临江市", "市"), ("云陵市公安局", "云陵市", "市"),
    ("北塘区公安分局", "北塘区", "区"), ("松溪县公安局", "松溪县", "县"), ("南浦县公安局", "南浦县", "县"),
    ("望海市公安局", "望海市", "市"),
]
CN = "一二三四五六七八九十"


def _pct(a: float, b: float) -> str:
    return f"{abs(b - a) / a * 100:.1f}"


def _rise(a: float, b: float) -> str:
    return "上升" if b > a else "下降"


# Each topic: a heading and paragraphs; {n0}.. are numbers drawn per draft; {a}/{b} a pair with {p}% change.
TOPICS = [
    ("坚持执法规范化建设，提升执法办案质量", [
        "依托执法办案管理中心，推行涉案人员“一站式”办理，人身检查、信息采集、讯问询问全程同步录音录像，"
        "派驻法制民警现场指导取证。全年经中心办理的涉案人员{n0}人次，未发生涉案人员自伤、脱逃等安全事故。",
        "对提请逮捕、移送起诉的刑事案件和作出处罚决定的行政案件实行法制审核全覆盖，全年审核各类案件{n1}件，"
        "退回补充侦查、补充调查{n2}件，案件质量评查合格率为{r0}%。",
        "建成涉案财物集中保管中心，实行“一物一码”电子标签管理，入库、调用、返还、处置全程留痕，全年依法返还、处置涉案财物{n3}件。",
    ]),
    ("坚持依法打击违法犯罪，维护社会治安稳定", [
        "组织刑侦、治安、派出所开展合成作战，全年共立刑事案件从上年的{a}起{to}{b}起，同比{dir}{p}%，"
        "破获刑事案件{n0}起，抓获犯罪嫌疑人{n1}名。",
        "成立反诈工作专班，会同银行网点和通信运营商建立涉诈资金快速止付机制，全年紧急止付涉诈资金{n2}万元，"
        "对辖区重点人群开展上门劝阻{n3}户次。",
        "针对农村地区盗窃农机具和电缆的案件，组织派出所与刑侦部门联合蹲守，依法破获系列盗窃案件{n4}起，挽回群众经济损失{n5}万元。",
    ]),
    ("坚持规范性文件合法性审核，推进依法决策", [
        "修订局规范性文件管理办法，明确起草、征求意见、合法性审核、集体讨论和公开发布的程序，"
        "全年审核规范性文件和重要政策文件{n0}件，清理废止不适应工作需要的文件{n1}件。",
        "将城区交通组织调整等事项列入重大行政决策目录，严格履行公众参与、专家论证、风险评估和集体讨论决定程序，"
        "通过门户网站公开征求意见{n2}条，逐条反馈采纳情况。",
        "根据法律法规修改情况动态调整权责清单，逐项明确实施依据、责任主体和追责情形，调整结果在门户网站同步公开。",
    ]),
    ("坚持深化“放管服”改革，优化法治化营商环境", [
        "将户籍办理、居民身份证换领等{n0}项高频事项延伸到乡镇便民服务中心，推行“一网通办”和“跨省通办”，"
        "全年网上办理公安政务服务事项{n1}件，按期办结率为100%。",
        "出台涉企案件办理工作规范，对涉企查封、扣押、冻结措施实行法制部门提前审查，全年走访服务企业{n2}家，"
        "帮助企业解决治安问题{n3}个。",
        "设立护企服务站，为重点项目和规模以上企业提供安全防范指导，全年未收到企业对公安执法的有效投诉。",
    ]),
    ("坚持和发展新时代“枫桥经验”，化解矛盾纠纷", [
        "在全部{n0}个派出所设立人民调解室，聘请退休干部、村社干部担任专职调解员，对邻里、婚恋家庭和轻微伤害纠纷"
        "实行“民警+调解员”联合调解，全年调解矛盾纠纷{n1}起，调解成功率为{r0}%。",
        "落实领导干部接访下访制度，对涉法涉诉信访事项实行登记、分流、办理、答复闭环管理，信访事项按期办结率为{r1}%。",
        "推行“律师进所”机制，由律师在派出所为群众提供法律咨询{n2}人次，协助民警化解涉法纠纷。",
    ]),
    ("坚持“谁执法谁普法”，深化法治宣传教育", [
        "制定年度普法责任清单，组织民警进农村、进学校、进企业、进社区开展法治宣传{n0}场次，结合身边案例以案释法，"
        "在“八五”普法中期评估中被评为良好等次。",
        "依托政务新媒体开设“警官说法”栏目，由一线民警讲解常见法律问题，全年发布普法短视频和图文{n1}条。",
        "在中小学开设交通安全和防范欺凌法治课，选派{n2}名民警担任法治副校长，定期到校开展法治教育。",
    ]),
    ("坚持执法监督，推动严格规范公正文明执法", [
        "每季度组织一次交叉评查，重点评查涉企案件、行政复议被撤销案件和群众投诉案件，全年评查案件{n0}件，"
        "发现并整改问题{n1}个，对{n2}名民警进行执法过错责任追究。",
        "出台执法记录仪使用管理细则，明确现场执法全程记录、视频及时上传和调阅审批要求，督察部门随机抽查视频{n3}条。",
        "聘请特约监督员{n4}名，邀请人大代表、政协委员走进执法办案管理中心和窗口单位视察，对收集到的意见建议逐条研究、限期落实。",
    ]),
    ("坚持依法应诉，发挥行政复议纠错作用", [
        "配合复议机关做好行政复议案件办理，及时提交答复材料和证据，全年作为被申请人的行政复议案件{n0}件，"
        "被撤销或确认违法{n1}件，均逐案分析原因并督促整改。",
        "建立行政诉讼案件“一案一报告”制度，法制部门对每件应诉案件提前研判诉讼风险，全年行政诉讼败诉率为{r0}%。",
        "对复议机关撤销、确认违法的案件召开专题分析会，查找执法环节的漏洞，以个案纠错推动类案规范，并将纠错情况通报全局。",
    ]),
    ("坚持科技赋能，提升执法信息化水平", [
        "全面推行刑事、行政案件网上录入、网上审批，纸质卷宗同步生成电子卷宗，与检察院、法院实现电子卷宗网上移送，"
        "全年网上移送电子卷宗{n0}份。",
        "建立月度警情研判机制，对盗窃、诈骗、交通事故警情的时段和区域分布进行数据分析，据此调整巡逻路线{n1}条。",
        "上线执法风险智能预警模块，对超期羁押、涉案财物未入库等情形自动提示，全年推送预警信息{n5}条，均已核查处理。",
    ]),
]

# Facts of the leadership part: the sentence as written, and the same without the count
# the guidance asks for (None where it asks for none).
LEADERSHIP = [
    ("study", "局长坚持把学习贯彻习近平法治思想列入局党委会“第一议题”，全年主持“第一议题”学法{n0}次，"
              "组织局党委理论学习中心组专题学法{n1}次，带头为全局民警讲授法治专题课{n2}次。",
     "局长坚持把学习贯彻习近平法治思想列入局党委会“第一议题”，组织局党委理论学习中心组专题学法，带头尊法学法守法用法。"),
    ("deployment", "局长主持召开党委会、局长办公会专题研究法治建设和执法规范化工作{n3}次，审定年度法治政府建设工作要点，"
                   "对执法办案管理中心运行、涉案财物管理等重点问题亲自督办。",
     "局长主持召开党委会、局长办公会专题研究法治建设和执法规范化工作，审定年度法治政府建设工作要点。"),
    ("assessment", "将法治建设指标纳入各单位绩效考核，权重为{n4}%，考核结果与评先评优直接挂钩。", None),
    ("legal_adviser", "坚持重大事项未经合法性审核不上会，聘请{n5}家律师事务所担任常年法律顾问，配备公职律师{n6}名，"
                      "全年出具法律意见{n7}份。", None),
    ("court_appearance", "局长带头履行出庭应诉职责，全年作为被告的行政诉讼案件{n8}件，负责人出庭应诉率为100%。",
     "局长带头履行出庭应诉职责，坚持负责人出庭应诉。"),
    ("report_on_law", "在年终述职中专题述法，向{place}委依法治{kind}办报告本人履行推进法治建设第一责任人职责情况，接受评议。",
     None),
]

# Shortcomings, each with its cause and the plan that answers it (sharing its topic words).
SHORTCOMINGS = [
    ("基层派出所执法水平不够均衡，部分乡镇派出所在行政案件中证据收集不够全面，法律文书制作不够规范",
     "主要原因是乡镇派出所警力紧张，民警承担大量非警务活动，学习执法业务的时间不足",
     "组织乡镇派出所民警分批到法制大队跟班学习，开展行政案件证据收集和法律文书制作专项轮训，"
     "每季度通报乡镇派出所案件评查结果"),
    ("执法监督的信息化手段还不够有力，执法记录仪视频主要依靠人工抽查，部分执法问题不能及时发现",
     "原因在于执法监督平台功能单一，与执法办案系统的数据尚未打通",
     "推动执法监督平台与执法办案系统数据对接，上线执法记录仪视频智能巡查功能，"
     "对应当记录而未记录的情形自动提醒"),
    ("普法宣传的针对性还不够强，面向外出务工返乡人员和留守老人的宣传形式较为单一",
     "主要是对不同群体的法律需求调研不足，各警种普法资源整合不够",
     "开展群众法律需求调查，针对返乡务工人员和留守老人分别制作普法内容，整合各警种普法资源，"
     "在春节和农忙时段组织民警进村入户宣讲"),
    ("规范性文件实施后的评估跟踪不够，个别制度在基层落实中打了折扣",
     "由于制度实施后评估机制尚未建立，起草部门普遍重制定、轻评估",
     "建立规范性文件实施满一年评估制度，畅通基层执行问题反馈渠道，根据评估结果及时修订完善，"
     "做到制度管用好用"),
    ("涉案财物管理仍有薄弱环节，少数案件的涉案财物入库登记不及时",
     "原因是涉案财物管理中心与办案单位之间的交接流程不够细，管理人员流动较大",
     "细化涉案财物交接流程，对入库登记实行超时自动提醒，固定涉案财物管理人员，"
     "每半年开展一次涉案财物专项清理"),
    ("行政复议纠错案件中程序问题占比较高，告知程序履行不到位的情况仍有发生",
     "主要原因是部分民警重实体、轻程序，法制员多为兼职，审核把关力量不足",
     "开展告知程序专项整治，在派出所配备专职法制员，把程序问题纳入执法质量考评，"
     "对复议纠错案件逐案复盘"),
]
EXTRA_PLANS = [
    "继续落实主要负责人履行推进法治建设第一责任人职责清单，完善法治建设考核细则，"
    "把案件评查和执法质量考评结果作为考核重点",
    "扩大“一网通办”事项范围，健全涉企案件办理监督机制，对涉企查封扣押冻结措施开展定期回访，"
    "持续优化法治化营商环境",
    "完善领导干部年度学法计划，组织新修订法律法规专题培训，推动民警执法资格等级考试全覆盖",
]

ORDERS = {
    "practice": ["measures", "leadership", "shortcomings", "plans"],
    "regulation": ["measures", "shortcomings", "leadership", "plans"],
    "leadership_first": ["leadership", "measures", "shortcomings", "plans"],
}


@dataclass
class Draft:
    unit: str
    place: str
    year: int
    paragraphs: list[str]
    parts: list[str | None]  # the part each paragraph belongs to (None: title, opening, closing)
    previous: Draft | None = None  # last year's report, for the --previous rules
    batch: list[Draft] = field(default_factory=list)  # other units' reports checked with it

    def text(self) -> str:
        return "\n".join(self.paragraphs) + "\n"

    def indexes(self, part: str | None, body: bool = True) -> list[int]:
        """Paragraphs of a part (body: without its heading)."""
        out = [i for i, p in enumerate(self.parts) if p == part]
        return out[1:] if body and part is not None else out


def clean(seed: int) -> Draft:
    """A draft a careful writer could submit."""
    rng = random.Random(seed)
    unit, place, kind = rng.choice(UNITS)
    year = rng.choice([2023, 2024, 2025, 2026])
    order = ORDERS[rng.choice(list(ORDERS))]
    nums = {f"n{i}": rng.randint(12, 900) for i in range(10)}
    nums |= {"r0": f"{rng.uniform(90, 99.5):.1f}", "r1": f"{rng.uniform(95, 100):.1f}"}
    a = rng.randint(400, 2000)
    b = a + rng.choice([-1, 1]) * rng.randint(20, a // 3)
    nums |= {"a": a, "b": b, "dir": _rise(a, b), "to": "升至" if b > a else "降至", "p": _pct(a, b),
             "place": place, "kind": kind}
    nums["n4"] = rng.randint(8, 20)
    thought = _political(year)
    paragraphs: list[str] = [f"{unit}关于{year}年度法治政府建设情况的报告", f"中共{place}委、{place}人民政府："]
    parts: list[str | None] = [None, None]
    paragraphs.append(
        f"{year}年，{unit}在{place}委、{place}政府和上级公安机关的领导下，坚持以习近平新时代中国特色社会主义思想为指导，"
        f"深入学习贯彻习近平法治思想和{thought}，严格执行《中华人民共和国行政处罚法》《公安机关办理行政案件程序规定》，"
        "把严格规范公正文明执法贯穿公安工作各个环节，各项法治建设任务如期完成。现将有关情况报告如下。"
    )
    parts.append(None)
    heading_style = rng.choice(["一、", "第一部分 "])
    inline_items = rng.random() < 0.6
    topics = rng.sample(TOPICS, rng.randint(7, 9))
    if TOPICS[1] not in topics:
        topics[0] = TOPICS[1]  # the one with a stated change
    picked = rng.sample(SHORTCOMINGS, 4)
    for n, part in enumerate(order):
        label = f"{CN[n]}、" if heading_style == "一、" else f"第{CN[n]}部分 "
        body = _part(part, year, unit, topics, picked, nums, rng, inline_items)
        heading = _HEADINGS[part].format(year=year, next=year + 1)
        paragraphs.append(label + heading)
        parts.append(part)
        paragraphs.extend(body)
        parts.extend([part] * len(body))
    paragraphs += ["特此报告。", unit, f"{year + 1}年2月{rng.randint(10, 26)}日"]
    parts += [None, None, None]
    return Draft(unit, place, year, paragraphs, parts)


_HEADINGS = {
    "measures": "{year}年推进法治政府建设的主要举措和成效",
    "leadership": "{year}年党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况",
    "shortcomings": "{year}年推进法治政府建设存在的不足和原因",
    "plans": "{next}年推进法治政府建设的主要安排",
}


def _political(year: int) -> str:
    if year >= 2025:
        return "党的二十大和二十届三中、四中全会精神"
    if year == 2024:
        return "党的二十大和二十届二中、三中全会精神"
    return "党的二十大精神"


def _part(part, year, unit, topics, picked, nums, rng, inline_items) -> list[str]:
    if part == "measures":
        out = []
        for k, (title, paras) in enumerate(topics):
            out.append(f"（{CN[k]}）{title}")
            out.extend(p.format(**nums) for p in paras)
        return out
    if part == "leadership":
        return ["".join(s.format(**nums) for _, s, _ in LEADERSHIP[:3]),
                "".join(s.format(**nums) for _, s, _ in LEADERSHIP[3:])]
    if part == "shortcomings":
        intro = f"回顾一年来的工作，{unit}推进法治政府建设还有一些薄弱环节。"
        items = [f"{CN[k]}是{p}。{c}。" for k, (p, c, _) in enumerate(picked)]
        return [intro + "".join(items)] if inline_items else [intro] + items
    plans = [pl for _, _, pl in picked] + rng.sample(EXTRA_PLANS, 2)
    lead = f"{year + 1}年，{unit}将坚持问题导向，围绕上述薄弱环节逐项补短板、强弱项，重点做好以下几个方面的工作，确保各项安排落地见效，以实际成效回应群众期待。"
    items = [f"{CN[k]}是{pl}。" for k, pl in enumerate(plans)]
    return [lead + "".join(items)] if inline_items else [lead] + items


# -- planted defects ------------------------------------------------------------

@dataclass
class Planted:
    draft: Draft
    rule: str  # the rule id prefix that should find it
    paragraph: int | None  # where it is (None: the finding may be anywhere)


def _copy(d: Draft) -> Draft:
    return replace(d, paragraphs=list(d.paragraphs), parts=list(d.parts))


def _swap(d: Draft, rng: random.Random, old: str, new: str, part: str | None = "measures") -> int | None:
    """Replace one occurrence of ``old`` in the part's body with ``new``; the paragraph, or None."""
    places = [i for i in (d.indexes(part) if part else range(len(d.paragraphs))) if old in d.paragraphs[i]]
    if not places:
        return None
    i = rng.choice(places)
    d.paragraphs[i] = d.paragraphs[i].replace(old, new, 1)
    return i


def _append(d: Draft, rng: random.Random, sentence: str, part: str = "measures") -> int:
    i = rng.choice([j for j in d.indexes(part) if not d.paragraphs[j].startswith("（")])
    d.paragraphs[i] += sentence
    return i


def plant_leader_name(d, rng):
    wrong = rng.choice(["习法治思想", "近平法治思想", "习近平法制思想", "习近法治思想", "习平法治思想"])
    return _swap(d, rng, "习近平法治思想", wrong, None) if rng.random() < 0.7 else \
        _swap(d, rng, "习近平新时代中国特色社会主义思想",
              rng.choice(["习新时代中国特色社会主义思想", "新时代中国特色社会主义思想",
                          "习近平新时代中国特色社会思想", "习近平新时代中国特社会主义思想"]), None)


# (right, wrong) as people mistype them; sentences carrying the right word are below. 67 of these
# 69 pairs are also in schemas/rules/typo.yaml: for the typo family the planted-defect recall shows
# that listed pairs are caught in running text (and the clean drafts that they raise no false
# alarm), not that the word list covers mistypings it does not name.
TYPOS = [
    ("部署", "布署"), ("贯彻", "惯彻"), ("健全", "建全"), ("综合", "综和"), ("检察院", "检查院"), ("记录仪", "纪录仪"),
    ("防范", "防犯"), ("按照", "安照"), ("仍然", "任然"), ("亟待", "急待"), ("意识", "意思"), ("必须", "必需"),
    ("截至", "截止"), ("做好", "作好"), ("做到", "作到"), ("作为", "做为"), ("典型", "典形"), ("经典", "精典"),
    ("震慑", "振慑"), ("弘扬", "宏扬"), ("梳理", "疏理"), ("羁押", "羁压"), ("扣押", "扣压"), ("侦查", "侦察"),
    ("取缔", "取谛"), ("通缉", "通辑"), ("赃款", "脏款"), ("敲诈", "敲榨"), ("寻衅滋事", "寻畔滋事"),
    ("以身作则", "以身作责"), ("名副其实", "名符其实"), ("再接再厉", "再接再励"), ("迫在眉睫", "迫在眉捷"),
    ("按部就班", "按步就班"), ("不断地", "不断的"), ("常抓不懈", "常抓不泄"), ("蹄疾步稳", "蹄急步稳"),
    ("一以贯之", "一以惯之"), ("驰而不息", "弛而不息"), ("亲力亲为", "亲历亲为"), ("声名鹊起", "声名雀起"),
    ("渲染", "宣染"), ("追溯", "追朔"), ("遵循", "尊循"), ("恪守", "格守"), ("秉持", "禀持"), ("签订", "签定"),
    ("辨别", "辩别"), ("急躁", "急燥"), ("松弛", "松驰"), ("坐标", "座标"), ("曝光", "暴光"), ("奏效", "凑效"),
    ("既然", "即然"), ("即使", "既使"), ("一贯", "一惯"), ("自己", "自已"), ("毕竟", "必竟"), ("陷阱", "陷井"),
    ("布控", "部控"), ("群防群治", "群防群制"), ("枫桥经验", "峰桥经验"), ("复议", "覆议"), ("纠纷", "纠份"),
    ("法治政府", "法制政府"), ("反映问题", "反应问题"), ("行使职权", "行驶职权"), ("严厉", "严历"), ("烦躁", "烦燥"),
]
TYPO_CARRIERS = {
    "部署": "局党委对年度重点工作作出专门部署。", "贯彻": "各单位认真贯彻上级工作要求。",
    "健全": "健全执法质量考评机制。", "综合": "综合运用多种手段排查隐患。", "检察院": "与县检察院建立联席会议制度。",
    "记录仪": "为一线民警配齐执法记录仪。", "防范": "加强电信网络诈骗防范宣传。", "按照": "按照上级部署开展专项行动。",
    "仍然": "部分群众的反诈意识仍然不强。", "亟待": "部分老旧监控设备亟待更新。", "意识": "民警的证据意识明显增强。",
    "必须": "必须坚持严格规范公正文明执法。", "截至": "截至12月底，专项行动全部完成。", "做好": "认真做好信访接待工作。",
    "做到": "做到件件有回音。", "作为": "作为全市试点单位推进改革。", "典型": "总结推广一批典型案例。",
    "经典": "一起案件被评为经典案例。", "震慑": "形成强大震慑。", "弘扬": "弘扬社会主义法治精神。",
    "梳理": "全面梳理执法风险点。", "羁押": "规范羁押场所管理。", "扣押": "依法扣押涉案车辆。",
    "侦查": "依法开展刑事侦查工作。", "取缔": "依法取缔非法经营场所。", "通缉": "依法发布通缉令。",
    "赃款": "追缴赃款后及时返还群众。", "敲诈": "依法打击敲诈勒索犯罪。", "寻衅滋事": "依法查处寻衅滋事案件。",
    "以身作则": "领导班子以身作则。", "名副其实": "打造名副其实的执法示范单位。", "再接再厉": "全局上下再接再厉。",
    "迫在眉睫": "老旧设备更新迫在眉睫。", "按部就班": "各项工作不再按部就班。", "不断地": "不断地提高执法水平。",
    "常抓不懈": "对执法问题常抓不懈。", "蹄疾步稳": "改革蹄疾步稳推进。", "一以贯之": "一以贯之抓落实。",
    "驰而不息": "驰而不息纠治顽瘴痼疾。", "亲力亲为": "主要负责人亲力亲为。", "声名鹊起": "“警官说法”栏目声名鹊起。",
    "渲染": "避免渲染作案细节。", "追溯": "执法过程可以追溯。", "遵循": "遵循法定程序办案。", "恪守": "恪守职业道德。",
    "秉持": "秉持执法为民理念。", "签订": "与企业签订安全防范协议。", "辨别": "引导群众辨别诈骗手法。",
    "急躁": "克服急躁情绪。", "松弛": "防止纪律松弛。", "坐标": "明确工作坐标。", "曝光": "曝光典型交通违法行为。",
    "奏效": "多项措施同时奏效。", "既然": "既然制度已经建立就要执行到位。", "即使": "即使是小案也认真办理。",
    "一贯": "坚持一贯的严管要求。", "自己": "民警自己先学法。", "毕竟": "毕竟基层警力有限。",
    "陷阱": "提醒群众识别投资陷阱。", "布控": "加强重点区域布控。", "群防群治": "发动群防群治力量。",
    "枫桥经验": "深化新时代枫桥经验实践。", "复议": "认真办理复议答复。", "纠纷": "及时化解邻里纠纷。",
    "法治政府": "扎实推进法治政府建设。", "反映问题": "认真核查群众反映问题。", "行使职权": "依法行使职权。",
    "严厉": "严厉打击盗抢骗犯罪。", "烦躁": "耐心疏导当事人的烦躁情绪。",
}


def plant_typo(d, rng):
    right, wrong = rng.choice(TYPOS)
    return _append(d, rng, TYPO_CARRIERS[right].replace(right, wrong, 1))


def plant_law_name(d, rng):
    wrong = rng.choice(["《道路交通法》", "《出入境管理法》", "《治安处罚法》", "《反电诈法》", "《身份证法》",
                        "《法治政府建设与责任落实督查工作规定》", "《重大行政决策程序条例》", "《个人信息法》",
                        "《中华人民共和国治安管理处罚条例》" if d.year > 2005 else "《反恐法》",
                        "《信访条例》" if d.year > 2021 else "《反恐法》", "《民法通则》" if d.year > 2020 else "《反恐法》"])
    return _append(d, rng, f"严格执行{wrong}，依法规范执法行为。")


def plant_period(d, rng):
    stale = {2023: ["“七五”普法", "十三五", "党史学习教育", "二十届三中全会精神"],
             2024: ["“七五”普法", "十三五", "十九大精神", "二十届四中全会精神"],
             2025: ["“七五”普法", "十三五", "二十届五中全会精神", "十九大精神"],
             2026: ["“七五”普法", "党史学习教育", "十九大精神", "党纪学习教育"]}[d.year]
    term = rng.choice(stale)
    return _append(d, rng, f"全局组织开展{term}相关学习活动。")


def plant_repeated(d, rng):
    source = rng.choice([i for i in d.indexes("measures") if not d.paragraphs[i].startswith("（")])
    sentence = next(s for s in d.paragraphs[source].split("。") if len(s) > 20) + "。"
    target = _append(d, rng, sentence, rng.choice(["leadership", "measures"]))
    return max(source, target)  # the second occurrence is the copy


def plant_opening(d, rng):
    i = d.indexes(None, body=False)[2]
    d.paragraphs[i] = d.paragraphs[i].replace(f"{d.year}年，", rng.choice(["", "一年来，", "年，"]), 1)
    return i


def plant_relative(d, rng):
    word = rng.choice(["今年", "今年以来", "截至目前", "近日", "截止目前"])
    return _append(d, rng, f"{word}，共开展专项检查{rng.randint(5, 40)}次。")


def plant_plans_year(d, rng):
    if rng.random() < 0.6:
        i = d.indexes("plans")[0]
        old = f"{d.year + 1}年，"
        d.paragraphs[i] = d.paragraphs[i].replace(old, rng.choice([f"{d.year}年，", f"{d.year - 1}年，"]), 1)
        return i
    return _append(d, rng, f"截至{d.year + 1}年1月，已完成系统升级。")


def _items(d: Draft, part: str) -> list[tuple[int, str]]:
    """(paragraph, text) of each 一是… item of a part, in order."""
    out = []
    for i in d.indexes(part):
        text = d.paragraphs[i]
        starts = [text.index(f"{c}是") for c in CN if f"{c}是" in text]
        # (the closing end is there even with no items: no starts, no items)
        out.extend((i, text[s:e]) for s, e in zip(starts, starts[1:] + [len(text)], strict=False))
    return out


def plant_no_cause(d, rng):
    i, item = rng.choice(_items(d, "shortcomings"))
    problem = item.split("。")[0] + "。"
    d.paragraphs[i] = d.paragraphs[i].replace(item, problem, 1)
    return i


def plant_boilerplate(d, rng):
    i, item = rng.choice(_items(d, "shortcomings"))
    head = item[:2]
    d.paragraphs[i] = d.paragraphs[i].replace(item, head + rng.choice(
        ["执法能力需进一步加强。", "信息化水平有待提升。", "队伍素质仍需提高。", "宣传力度还不够。", "基础保障亟待加强。"]), 1)
    return i


def plant_external(d, rng):
    i, item = rng.choice(_items(d, "shortcomings"))
    d.paragraphs[i] = d.paragraphs[i].replace(item, item[:2] + rng.choice([
        "部门间协作不畅。检察院对部分案件的证据要求与公安机关理解不一致，法院判决执行周期长，导致部分案件久拖不决。",
        "外部衔接存在障碍。看守所以外的监狱、戒毒所对病残人员收押收戒设置较高门槛，有关部门之间责任边界不清，导致部分违法人员难以依法处理。",
        "法律适用存在分歧。现行法律对新业态的规定不够明确，公检法在案件定性上常常难以一致，检察机关退回补充侦查比例较高。",
    ]), 1)
    return i


def plant_unanswered(d, rng):
    shortcomings = _items(d, "shortcomings")
    k = rng.randrange(len(shortcomings))
    i, item = shortcomings[k]
    plans = _items(d, "plans")
    j, plan = plans[k]
    head = plan[:2]
    d.paragraphs[j] = d.paragraphs[j].replace(plan, head + "持续深化执法规范化建设。", 1)
    return i


def plant_fact_missing(d, rng):
    """Leave one fact out of the leadership part, or (half the time, where a count is asked) its count."""
    fact, sentence, uncounted = rng.choice(LEADERSHIP)
    opening = sentence[:10]
    i = next(i for i in d.indexes("leadership") if opening in d.paragraphs[i])
    text = d.paragraphs[i]
    start = text.index(opening)
    end = text.index("。", start) + 1
    d.paragraphs[i] = text[:start] + (uncounted if uncounted and rng.random() < 0.5 else "") + text[end:]
    return None  # reported at the part's heading or at the sentence


def plant_inconsistent(d, rng):
    i = next(i for i in d.indexes("measures") if "同比" in d.paragraphs[i] and "从上年的" in d.paragraphs[i])
    m = re.search(r"同比(上升|下降)(\d+\.\d)%", d.paragraphs[i])
    stated = float(m.group(2))
    wrong = f"{stated + rng.choice([-1, 1]) * rng.uniform(3, 15):.1f}" if rng.random() < 0.7 else m.group(2)
    direction = m.group(1) if wrong != m.group(2) else ("上升" if m.group(1) == "下降" else "下降")
    d.paragraphs[i] = d.paragraphs[i].replace(m.group(0), f"同比{direction}{wrong.lstrip('-')}%", 1)
    return i


def plant_vague(d, rng):
    i = rng.choice([j for j in d.indexes("measures") if not d.paragraphs[j].startswith("（")])
    sentence = rng.choice(["组织开展多次专项检查，查处多起违法案件。", "处置了大量涉诈线索，打击成效显著提升。",
                           "执法质量明显提升，群众投诉大幅下降。", "先后召开多次推进会，部署多家单位联合整治。"])
    d.paragraphs[i] += sentence
    return i


def _id_number(rng: random.Random) -> str:
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    body = (f"{rng.randint(110000, 659000)}{rng.randint(1960, 2004)}"
            f"{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{rng.randint(0, 999):03d}")
    return body + "10X98765432"[sum(int(c) * w for c, w in zip(body, weights, strict=True)) % 11]


def plant_privacy(d, rng):
    kind = rng.randrange(4)
    if kind == 0:
        return _append(d, rng, f"经查，违法行为人身份证号码为{_id_number(rng)}。")
    if kind == 1:
        return _append(d, rng, f"群众可拨打值班民警手机1{rng.choice('35789')}{rng.randint(100000000, 999999999)}咨询。")
    if kind == 2:
        plate = f"{rng.choice('渝川粤冀豫鲁苏浙')}{rng.choice('ABCDEF')}{rng.randint(10000, 99999)}"
        return _append(d, rng, f"当场查获无证驾驶的{plate}号小型汽车。")
    name = rng.choice(["张伟", "李明", "王建国", "刘芳", "陈志强"])
    return _append(d, rng, f"成功抓获犯罪嫌疑人{name}，追回被骗资金。")


def plant_halfwidth(d, rng):
    i = rng.choice(d.indexes("measures"))
    d.paragraphs[i] = d.paragraphs[i].replace("，", ",", 2)
    return i


def plant_placeholder(d, rng):
    return _append(d, rng, rng.choice(["全年办理案件XXX起。", "评查合格率为××%。", "【待补充：典型案例】", "此处填写数据。"]))


def plant_too_short(d, rng):
    idx = d.indexes("shortcomings")
    first = idx[0]
    d.paragraphs[first] = "一是执法培训针对性不强，原因是培训需求调研不够。"
    for i in reversed(idx[1:]):
        del d.paragraphs[i], d.parts[i]
    return None


PLANTERS: dict[str, Callable[[Draft, random.Random], int | None]] = {
    "term.leader-name": plant_leader_name,
    "typo": plant_typo,
    "term.law-name": plant_law_name,
    "term.period": plant_period,
    "copy.repeated": plant_repeated,
    "year.opening-missing": plant_opening,
    "time.relative": plant_relative,
    "plans.year": plant_plans_year,
    "shortcoming.no-cause": plant_no_cause,
    "shortcoming.boilerplate": plant_boilerplate,
    "shortcoming.external": plant_external,
    "plans.unanswered": plant_unanswered,
    "leadership.fact-missing": plant_fact_missing,
    "figures.inconsistent": plant_inconsistent,
    "figures.vague": plant_vague,
    "privacy": plant_privacy,
    "punct.halfwidth": plant_halfwidth,
    "placeholder": plant_placeholder,
    "part.too-short": plant_too_short,
}


def planted(family: str, seed: int) -> Planted:
    """A clean draft with one defect of ``family`` planted."""
    rng = random.Random(f"{family}-{seed}")
    draft = _copy(clean(seed))
    paragraph = PLANTERS[family](draft, rng)
    return Planted(draft, family, paragraph)


def with_previous(seed: int, kind: str) -> Planted:
    """This year's draft and last year's: a paragraph carried over, or a plan with no follow-up."""
    rng = random.Random(f"{kind}-{seed}")
    this = _copy(clean(seed))
    last = _copy(clean(seed + 7919))
    last.year, last.unit = this.year - 1, this.unit
    if kind == "copy.previous-year":
        i = rng.choice([j for j in this.indexes("measures") if not this.paragraphs[j].startswith("（")])
        j = rng.choice([k for k in last.indexes("measures") if not last.paragraphs[k].startswith("（")])
        this.paragraphs[i] = last.paragraphs[j]
        this.previous = last
        return Planted(this, kind, i)
    plans = [k for k in last.indexes("plans")]
    k = plans[-1]
    last.paragraphs[k] += "五是建成警用无人机巡查中队，覆盖全部重点水库和林区。"
    this.previous = last
    return Planted(this, kind, None)


def shared(seed: int) -> Planted:
    """Two units' drafts checked together, one sentence copied from one to the other."""
    rng = random.Random(f"shared-{seed}")
    this, other = _copy(clean(seed)), _copy(clean(seed + 104729))
    sentence = "围绕群众反映强烈的电动自行车盗窃问题，在城区主要路段和小区出入口增设智能感知设备，实现案件快速串并和追赃。"
    i = _append(this, rng, sentence)
    _append(other, rng, sentence)
    this.batch = [other]
    return Planted(this, "copy.shared-text", i)
