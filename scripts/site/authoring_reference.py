"""The authoring reference page: what a policy YAML holds and what each calculator reads from it.

Generated at build time from the code itself, so nothing here is a second list to keep:
the YAML fields come from scripts/policy/schema.py (`mapping(...).fields`), topics, units and
statuses from its TOPICS / UNITS / STATUSES (calc/vocabulary.py's lists, each kept once), each
calculator's inputs from `describe()` and the parameters it reads from its `PARAMETERS`
(calc/parameters.py). Only the meaning of each
YAML field is written here, once per field; tests/test_authoring.py fails when a schema
field has no meaning (or a meaning names no field).

    render_reference(policies, "zh")   # Markdown; zh-Hant is the zh page through scripts/site/hant.py
"""
from __future__ import annotations

from calc.registry import calculators

from ..policy import schema
from .formatting import pick
from .jinja_env import environment
from .page_paths import page_path
from .ui_words import WORDS

PAGE = "authoring"   # docs/authoring.md, authoring.en.md, authoring.zh-Hant.md
NAV_TITLE = WORDS["nav"]["authoring"]
EXAMPLE_POLICIES = 3   # policies linked per calculator as models to copy from

# the YAML blocks the page documents: (path prefix, schema check, heading)
BLOCKS = (
    ("", schema.policy, ("政策文件的顶层字段", "Top-level fields of a policy file")),
    ("jurisdiction.", schema.jurisdiction, ("地区 jurisdiction", "Place: jurisdiction")),
    ("governs.", schema.governs, ("所管期间 governs", "Period governed: governs")),
    ("reach.", schema.reach, ("适用范围 reach", "Whom it covers below: reach")),
    ("sources.<key>.", schema.source, ("来源 sources", "Sources")),
    ("parameters.<name>.", schema.parameter, ("参数 parameters", "Parameters")),
    ("readings[].", schema.reading, ("解读 readings", "Readings")),
    ("examples[].", schema.example, ("算例 examples", "Worked examples")),
)

FIELD_MEANINGS: dict[str, tuple[str, str]] = {
    "id": ("政策 id，须等于文件路径（policies/ 之下、去掉 .yaml）。", "The policy id: the file's path below policies/ without .yaml."),
    "title": ("标题 {zh, en}。", "Title {zh, en}."),
    "topic": ("主题：{topics}。", "Topic: {topics}."),
    "jurisdiction": ("地区：省（必填）、市、县、镇，各为 {zh, en}。", "Place: province (required), city, county, town, each {zh, en}."),
    "issuers": ("发布单位列表，每项 {zh, en}。", "Issuing offices, each {zh, en}."),
    "document_number": ("文号；没有则为 null。", "Document number (文号), or null."),
    "published": ("发布日期 YYYY-MM-DD（只知月份时 YYYY-MM）。", "Publication date YYYY-MM-DD (YYYY-MM when only the month is known)."),
    "effective": ("有效期 {from, to}；to 可为 null。", "In force {from, to}; to may be null."),
    "governs": ("所管的缴费期间和待遇期间；同地同主题的政策组成系列，期间不得重叠。",
                "The contribution months and benefit year it governs; policies of one place and topic form a series and may not overlap."),
    "calculators": ("适用的计算器名称（见下文各计算器）。", "The calculators that apply (see each calculator below)."),
    "sources": ("来源：键名 → 来源说明；参数的引文须出自这些文本。", "Sources: key → description; every quote must come from these texts."),
    "summary": ("一句话说明 {zh, en}。", "Plain-language summary {zh, en}."),
    "covers": ("适用对象 {zh, en}。", "Who it covers {zh, en}."),
    "parameters": ("参数：名称 → 数字或规则，每项都有出处。", "Parameters: name → figure or rule, each with its source."),
    "readings": ("“我们如何理解”：原文有歧义之处的读法。", "\"How we read this\": the reading chosen where the text is ambiguous."),
    "examples": ("算例：只写输入，结果由计算器在构建时算出。", "Worked examples: inputs only; calc computes every result at build time."),
    "schema": ("本文件所用的政策文件格式版本（目前为 1）；与程序不符时加载器报错。",
               "The policy-file format version this file uses (now 1); the loader stops on a mismatch."),
    "contact": ("咨询单位 {zh, en}（政策已结束且没有后续政策时显示）。", "Whom to ask {zh, en} (shown when the policy has ended with no successor)."),
    "reach": ("市、省政策在其下级地区的适用范围，像数字一样引原句（有下级地区收录在本站时必填）。",
              "Whom a city's or province's policy covers below it, quoted like a figure (required when a place below is on file)."),
    "reach.value": ("whole_area（全市、全省：下级地区没有自己的政策时适用）或 own_level（只适用本级，如“市本级”）。",
                    "whole_area (city- or province-wide: places below without their own policy follow it) or own_level "
                    "(its own level only, such as 市本级)."),
    "reach.source": ("出处 {ref: 来源键名, quote: 写明适用范围的原句}。", "Source {ref: source key, quote: the sentence that says whom it covers}."),
    "reach.how": ("怎样从原句读出适用范围 {zh, en}。", "How the reach is read from the quote {zh, en}."),
    "jurisdiction.province": ("省 {zh, en}。", "Province {zh, en}."),
    "jurisdiction.city": ("市 {zh, en}。", "City {zh, en}."),
    "jurisdiction.county": ("县（区）{zh, en}。", "County or district {zh, en}."),
    "jurisdiction.town": ("镇、乡或街道 {zh, en}。", "Town, township or subdistrict {zh, en}."),
    "governs.contributions": ("所缴的月份（居民医保：所缴的参保年度）{from, to}。",
                              "The months paid for (resident insurance: the insurance year paid for) {from, to}."),
    "governs.benefits": ("待遇期间 {from, to}；to 可为 null。", "The benefit period {from, to}; to may be null."),
    "sources.<key>.file": ("policies/sources/ 下的文本文件。", "The text file under policies/sources/."),
    "sources.<key>.kind": ("original（原件）或 summary（转述：新闻报道、摘要、问答）。",
                           "original (the document itself) or summary (second-hand: news report, digest, Q&A)."),
    "sources.<key>.title": ("来源标题 {zh, en}。", "Source title {zh, en}."),
    "sources.<key>.publisher": ("发布者 {zh, en}。", "Publisher {zh, en}."),
    "sources.<key>.date": ("来源日期。", "Source date."),
    "sources.<key>.normalised": ("第二个文件（如繁体原文的简体读法），引文也可出自它。",
                                 "A second file (e.g. a simplified reading of a zh-Hant text) quotes may also come from."),
    "sources.<key>.notes": ("关于来源的说明 {zh, en}。", "Notes on the source {zh, en}."),
    "sources.<key>.url": ("原件的网址（如有）。", "The original's address, where one exists."),
    "sources.<key>.retrieved": ("获取文本的日期。", "When the text was captured."),
    "sources.<key>.document_number": ("来源文件的文号。", "The source document's number (文号)."),
    "parameters.<name>.label": ("名称 {zh, en}。", "Label {zh, en}."),
    "parameters.<name>.description": ("说明 {zh, en}。", "Description {zh, en}."),
    "parameters.<name>.value": ("数值：数字、文本、真假、日期、列表、映射；原文未给出则为 null。留给个人选择的百分比："
                                "选项列表（[7, 9]）或范围（{min: 60, max: 300}，整数百分比）。",
                                "The value: number, text, true/false, date, list or mapping; null when the source leaves it open. "
                                "A percent left to the person: the list of options ([7, 9]) or a range ({min: 60, max: 300}, whole percents)."),
    "parameters.<name>.unit": ("单位：{units}。", "Unit: {units}."),
    "parameters.<name>.source": ("出处 {ref: 来源键名, quote: 原句}；原句须逐字出现在来源文本中，且写明该数字。",
                                 "Source {ref: source key, quote: sentence}; the sentence must be in the source text verbatim and state the figure."),
    "parameters.<name>.period": ("适用期间 {from, to}；默认为政策的有效期。", "The period it applies to {from, to}; defaults to the policy's."),
    "parameters.<name>.status": ("依据：{statuses}；不是 stated 时须写 how。", "Basis: {statuses}; anything but stated needs how."),
    "parameters.<name>.how": ("怎样得到这个数字，或为何原文未给出 {zh, en}。", "How we got the figure, or why the source leaves it open {zh, en}."),
    "parameters.<name>.columns": ("表格的列名 {列: {zh, en}}。", "Table column headers {column: {zh, en}}."),
    "parameters.<name>.display_only": (
        "true：只在页面上展示，没有计算器读取。没有此标记的参数必须被本政策列出的某个计算器读取，否则构建报错。",
        "true: shown on the page, read by no calculator. A parameter without it must be read by one of the policy's calculators, or the build stops."),
    "parameters.<name>.dated": (
        "以后生效的数值：[{from: 日期, value: …, source: {ref, quote}}]，每项有自己的原句（如 10 月 1 日起调整的基数）。"
        "原文写了调整日期却没有给出调整后的数额：value 为 null，status 为 not_stated，写明 how，引用宣布调整的原句；计算器会说明金额无法确定，绝不按旧数值计算。",
        "Later values by effective date: [{from: date, value: …, source: {ref, quote}}], each with its own quote (e.g. a base changed from 1 October)."
        " A change on a date the source names to an amount it does not give: value null, status not_stated, how, and"
        " the sentence that announces it; calculators then say the amount is not determined, never the old one."),
    "parameters.<name>.applies_by": ("按哪一天选取数值：{applies_by}。", "Which day picks the dated value: {applies_by}."),
    "readings[].id": ("解读的 id（小写连字符）。", "The reading's id (lowercase-hyphen)."),
    "readings[].zh": ("中文说明。", "Chinese text."),
    "readings[].en": ("英文说明。", "English text."),
    "readings[].parameters": ("这条解读涉及的参数名。", "The parameters the reading is about."),
    "examples[].inputs": ("计算器的输入（见各计算器的输入表）。", "The calculator's inputs (see each calculator's input table)."),
    "examples[].note": ("算例说明 {zh, en}。", "What the example shows {zh, en}."),
    "examples[].calculator": ("计算器名；默认为 calculators 的第一个。", "Calculator name; defaults to the first of calculators."),
    "examples[].print": ("true：打印的明白纸保留此算例（选最贴近本页读者的几个，两页 A4 之内）；都不标时打印前三个。",
                         "true: the printed page keeps this example (mark the few most relevant to the page's readers; two A4 pages in all); with none marked, the first three are printed."),
}

UI = WORDS["authoring"]

STEPS = (
    ("生成骨架：`python -m scripts.policy.scaffold --place hunan/hengyang --topic flexible-employment --year 2025 "
     "--calculators flexible-contribution`（或 `make new-policy PLACE=… TOPIC=… YEAR=…`）。它写出 "
     "`policies/<地区>/<年>-<主题>.yaml`，其中每个要填的地方都是 TODO。",
     "Write the skeleton: `python -m scripts.policy.scaffold --place hunan/hengyang --topic flexible-employment --year 2025 "
     "--calculators flexible-contribution` (or `make new-policy PLACE=… TOPIC=… YEAR=…`). It writes "
     "`policies/<place>/<year>-<topic>.yaml` with a TODO wherever something must be filled in."),
    ("存来源原文：`make source FILE=通知.txt URL=https://…`（`python -m scripts.policy.store_source <文件> [--url …] [--key …] "
     "[--kind summary]`）把文本逐字存为 `policies/sources/NNN_<sha256前16位>.txt`（NNN 为下一个空号，16 位是文件内容 SHA-256 "
     "的前 16 个十六进制数字；文件须为 UTF-8），并打印 `sources:` 条目：贴进政策文件，填上标题、发布者和日期（original 原件或 "
     "summary 转述）。",
     "Store the source: `make source FILE=notice.txt URL=https://…` (`python -m scripts.policy.store_source <file> [--url …] "
     "[--key …] [--kind summary]`) copies the text verbatim to `policies/sources/NNN_<sha256[:16]>.txt` (NNN the next free "
     "number, then the first 16 hex digits of the SHA-256 of the file's bytes; the file must be UTF-8) and prints the "
     "`sources:` entry: paste it into the policy and fill in title, publisher and date (original, or summary for a second-hand account)."),
    ("填写参数：骨架已列出所选计算器的全部参数（必填的和可选的）及其单位。每个数字引用写明它的原句；原文未给出的写 "
     "`value: null`、`status: not_stated`，并引用留下空白的那句话。用不到的可选参数删掉；只展示、不参与计算的数字加 `display_only: true`。",
     "Fill in the parameters: the skeleton lists every parameter of the chosen calculators (required and optional) with its unit. "
     "Quote the sentence that states each figure; a figure the source leaves open is `value: null`, `status: not_stated`, quoting "
     "the sentence that leaves it open. Delete optional parameters you do not need; mark figures that are only shown `display_only: true`."),
    ("写至少一个算例（只写输入），原文有歧义处写 `readings:`。摘要、解读、说明等文字里的每个数字，都必须是本政策某个参数的值、"
     "某个算例的输入或计算器为算例算出的数字（年份、日期、序号、条款号、文号和逐字引自来源的话除外）：`make policies` 会逐一核对。",
     "Add at least one worked example (inputs only) and a `readings:` entry wherever the text is ambiguous. Every number in "
     "prose (summary, readings, descriptions, notes) must be a parameter value of the policy, an example's input or a figure "
     "calc computes for an example (years, dates, ordinals, article and document numbers and verbatim quotes from a source "
     "aside): `make policies` checks each one."),
    ("规则、映射、列表和文本值中的代码（如 `benefits_from: date_of_birth`）在页面上显示为文字，每个代码都须有中英文说法，依次取自："
     "本政策的 `subsidy_categories`（自定的资助类别）、计算器的选项和 `calc/categories.py` 的类别，或 "
     "`scripts/site/vocabulary.py` 的 `WORDS`。没有说法的代码，`make policies` 会报出它所在的行；请改用已有说法的代码，或在 WORDS 中补上 (zh, en)。"
     "规则的键和代码由读取它的计算器核对（下表“含义”一列写明每条规则的形状），未知的键也会报错。"
     "规则可以用参数名指向本政策的另一个参数（如缴费时段的 `from: collection_period_start`、`wait: waiting_period_rule`），"
     "那个数字仍由它自己的引文支持，页面上显示为它的标签。被指向的日期参数也可以是 `not_stated`（原文提到集中缴费期却没有写日期）："
     "这时时段须是一个 `period: collection` 和一个 `period: outside`，计算器改问缴费是否在集中缴费期内（`paid_in_collection_period`；"
     "写明日期的政策不问），没有写明的待遇年度则说“原文没有写”，结果标为无法确定。",
     "Codes in rule, mapping, list and text values (e.g. `benefits_from: date_of_birth`) are shown as words, so each code needs "
     "words in zh and en, taken from, in order: the policy's own `subsidy_categories`, a calculator's choices and the groups in "
     "`calc/categories.py`, or `WORDS` in `scripts/site/vocabulary.py`. `make policies` reports a code without words at its "
     "line: use a code that has words, or add (zh, en) to WORDS. A rule's keys and codes are checked by the calculator that "
     "reads it (the meaning column below gives each rule's shape); an unknown key is an error too. A rule may name another "
     "parameter of the policy instead of repeating its value (a window's `from: collection_period_start`, `wait: "
     "waiting_period_rule`): that value keeps its own quote, and the page shows the parameter's label. The date parameter a "
     "window names may itself be `not_stated` (the source names its collection period without dates): the windows must then "
     "be one `period: collection` and one `period: outside`, the calculator asks whether the payment fell in the period "
     "(`paid_in_collection_period`; a policy that states its dates never asks), and a benefit year it does not date is said "
     "to be open, the result not determined."),
    ("运行 `make policies`：每个问题一行，写明文件、行号、字段（中英文）。它还证明政策能用：用政策所列的每个计算器跑算例和一组生成的输入"
     "（政策中每个日期及其前后一天、每个选项、是/否、可选输入留空），计算器出错即报出政策文件和那组输入；并生成政策页面和计算器表单（三种语言），"
     "模板出错即报出。直到没有问题为止（`--quick` 跳过这一步）。",
     "Run `make policies`: one line per problem, with file, line and field (in Chinese and English). It also proves the policy "
     "works: each calculator it lists runs its worked examples and a generated sample of inputs (every date of the policy and "
     "the day before and after, each choice, yes and no, optional inputs left empty), and a failure is reported with the policy "
     "file and those inputs; its page and calculator forms are rendered in all three languages, and a template error is "
     "reported. Repeat until there are none (`--quick` skips the proof)."),
    ("在 `tests/vectors/<计算器>.yaml` 中加入测试向量，用原文公布的数字作期望值；然后 `make test`。不需要改任何 Python 或已有测试。",
     "Add test vectors to `tests/vectors/<calculator>.yaml` with the source's published figures as expectations, then `make test`. "
     "No Python and no existing test needs to change."),
)


def _fields(lang: str) -> list[dict]:
    out = []
    for prefix, check, heading in BLOCKS:
        required, optional = check.fields  # type: ignore[attr-defined]  # set by schema.mapping()
        rows = []
        for name in [*required, *optional]:
            key = prefix + name
            text = pick(lang, FIELD_MEANINGS.get(key, ("", "")))
            for placeholder, values in (("{topics}", schema.TOPICS), ("{units}", schema.UNITS), ("{statuses}", schema.STATUSES),
                                        ("{applies_by}", getattr(schema, "APPLIES_BY", ()))):
                text = text.replace(placeholder, ", ".join(values))
            rows.append({"name": key, "required": name in required, "meaning": text})
        out.append({"heading": pick(lang, heading), "rows": rows})
    return out


def _condition(condition: str | None, lang: str) -> str:
    """applies_when / when in words ("open:X" → asked when the policy leaves X open)."""
    if not condition:
        return pick(lang, UI["always"])
    if "&" in condition:   # "lacks:A&lacks:B": both
        return pick(lang, ("，且", " and ")).join(_condition(one, lang) for one in condition.split("&"))
    if "|" in condition:   # "has:A|has:B": either
        return pick(lang, ("；或", "; or ")).join(_condition(one, lang) for one in condition.split("|"))
    kind, _, name = condition.partition(":")
    words = {
        "open": ("政策未给出 {} 时（必填）", "when the policy leaves {} open (required)"),
        "unstated": ("政策未给出 {} 时（可选）", "when the policy leaves {} open (optional)"),
        "has": ("政策有 {} 时", "when the policy has {}"),
        "lacks": ("政策没有 {} 时", "when the policy has no {}"),
        "choice": ("政策把 {} 留给个人选择时（选项列表或范围）", "when the policy leaves {} to the person (options or a range)"),
        "dated": ("政策有按所缴月份取值的参数（dated，applies_by: month_paid_for）时",
                  "when a parameter has values by date picked by the month paid for (dated, applies_by: month_paid_for)"),
        "paid_dated": ("政策有按缴费日期取值的参数（dated，applies_by: payment_date）时",
                       "when a parameter has values by date picked by the payment date (dated, applies_by: payment_date)"),
        "alias": ("旧输入名：等同第一项原文未给出的 {}（表单不显示）", "older input name for the first open {} (not on forms)"),
    }
    return pick(lang, words.get(kind, ("{}", "{}"))).format(f"`{name}`")


def _calculators(policies: dict[str, dict], lang: str) -> list[dict]:
    out = []
    for calc in calculators().values():
        described = calc.describe()
        inputs = [{"name": i["name"], "type": i["type"], "label": i["label"][lang],
                   "shown": _condition(i.get("applies_when"), lang)} for i in described["inputs"]]
        params = [{"name": p.name, "units": " / ".join(p.units),
                   "need": pick(lang, UI["optional"]) if not p.required else pick(lang, UI["yes"]) + (
                       "" if not p.when else pick(lang, ("（{}）", " ({})")).format(_condition(p.when, lang))),
                   "meaning": getattr(p.meaning, lang)} for p in calc.parameters]
        users = sorted(pid for pid, p in policies.items() if calc.name in p.get("calculators", []))
        out.append({"name": calc.name, "title": described["title"][lang], "description": described["description"][lang],
                    "inputs": inputs, "parameters": params, "users": users[:EXAMPLE_POLICIES], "count": len(users)})
    return out


def render_reference(policies: dict[str, dict], lang: str) -> str:
    """The page in zh or en (Markdown); the site's zh-Hant page is the zh one converted."""
    t = {key: pick(lang, pair) for key, pair in UI.items()}
    return environment().get_template("authoring.md.j2").render(
        t=t, lang=lang, steps=[pick(lang, s) for s in STEPS], blocks=_fields(lang), calculators=_calculators(policies, lang),
        link=lambda pid: page_path(pid, "zh"))
