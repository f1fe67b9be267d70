import Testing

@testable import JieyouDomain

@Suite struct ProblemListTests {
    let day = LocalDate(year: 2024, month: 9, day: 12)!

    @Test func theHeaderIsSeed000sWordForWord() {
        #expect(
            ProblemList.Column.allCases.map(\.header).joined(separator: " | ")
                == "企业序号 | 企业全称 | 所属行业（医药业、建筑业、制造业等） | 关联企业信息（含单位） | 所属市县 | 问题序号 | 问题类别 | 困难问题 | 交办单位及时间 | 办理进展")
        #expect(
            ProblemList.footnote
                == "问题类别包括：困难求助、违约失信、涉企执法、不正当竞争、强制服务、索拿卡要、乱收费摊派、政务服务、侵犯合法权益、影响扩大开放。")
        #expect(ProblemList.Column.allCases.filter(\.isEnterprise).count == 5)
    }

    @Test func assignmentsReadBackAsWritten() throws {
        let units = [
            ProblemList.Assignment(unit: "经济发展局", day: day),
            ProblemList.Assignment(unit: "区住建局（交通局）", day: day),
            ProblemList.Assignment(unit: "国网临湘供电公司", day: nil),
        ]
        let text = ProblemList.assignmentText(units)
        #expect(text == "经济发展局（2024-09-12）、区住建局（交通局）（2024-09-12）、国网临湘供电公司")
        #expect(try ProblemList.assignments(in: text).get() == units)
    }

    @Test func assignmentsAcceptWhatPeopleType() throws {
        let read = try ProblemList.assignments(in: "经济发展局(2024.9.12)；税务局（2024年9月3日）,\n 区商务局(招商促进事务中心)").get()
        #expect(
            read == [
                .init(unit: "经济发展局", day: day), .init(unit: "税务局", day: LocalDate(year: 2024, month: 9, day: 3)),
                .init(unit: "区商务局(招商促进事务中心)", day: nil),
            ])
        #expect(ProblemList.assignments(in: "经济发展局（2024-02-30）") == .failure(.badDate("2024-02-30")))
        #expect(ProblemList.assignments(in: "（2024-09-12）") == .failure(.missingUnit))
        #expect(try ProblemList.assignments(in: " 、 ").get().isEmpty)
    }

    @Test func progressNamesTheStateThenTheLatestWord() {
        #expect(ProblemList.progressText(state: .inProgress, latest: "已与供电公司对接") == "办理中：已与供电公司对接")
        #expect(ProblemList.progressText(state: .submitted, latest: "  ") == "待受理")
        #expect(ProblemList.progress(in: "办理中：已与供电公司对接") == (.inProgress, "已与供电公司对接"))
        #expect(ProblemList.progress(in: "已销号") == (.closed, nil))
        #expect(ProblemList.progress(in: "已办结:已通电") == (.resolved, "已通电"))
        #expect(ProblemList.progress(in: "正在协调") == (nil, "正在协调"))
        #expect(ProblemList.progress(in: "") == (nil, nil))
    }

    @Test func subCategoriesAreNamedUnderTheirParent() {
        #expect(ProblemList.categoryLabel(name: "用电报装", parentName: "政务服务") == "政务服务（用电报装）")
        #expect(ProblemList.categoryName(in: "政务服务（用电报装）") == ("用电报装", "政务服务"))
        #expect(ProblemList.categoryName(in: "政务服务(用电报装)") == ("用电报装", "政务服务"))
        #expect(ProblemList.categoryName(in: " 困难求助 ") == ("困难求助", nil))
    }

    @Test func aSuggestionIsMarkedInTheCategoryCell() {
        #expect(ProblemList.categoryCell(kind: .suggestion, label: "困难求助") == "意见建议：困难求助")
        #expect(ProblemList.categoryCell(kind: .suggestion, label: nil) == "意见建议")
        #expect(ProblemList.categoryCell(kind: .problem, label: nil) == "")
        #expect(ProblemList.kindAndCategory(in: "意见建议：困难求助") == (.suggestion, "困难求助"))
        #expect(ProblemList.kindAndCategory(in: "建议") == (.suggestion, nil))
        #expect(ProblemList.kindAndCategory(in: "政务服务（用电报装）") == (.problem, "政务服务（用电报装）"))
    }

    @Test func daysAsSheetsWriteThem() {
        for text in ["2024-09-12", "2024-9-12", "2024/9/12", "2024.9.12", "2024年9月12日"] {
            #expect(LocalDate.parsing(text) == day, "\(text)")
        }
        for text in ["2024-13-01", "24-9-12", "2024-9", "昨天", ""] { #expect(LocalDate.parsing(text) == nil, "\(text)") }
    }

    /// Seed 000's attachment: a title, the header with half-width brackets and spaces, enterprises
    /// whose cells are blank under their first problem, the closing note, and a row after it.
    @Test func readsSeed000sLayout() {
        var sheet = ProblemListSheet()
        let header = [
            "企业序号", "企业全称", "所属行业 (医药业、建筑业、制造业等)", "关联企业信息 (含单位)", "所属市县", "问题序号", "问题类别", "困难问题", "交办单位及时间",
            "办理进展",
        ]
        let rows: [[String]] = [
            ["问 题 清 单"],
            header,
            ["1", "临湘浮标有限公司", "制造业", "", "岳阳市临湘市", "1", "困难求助", "用工短缺", "人社局（2024-09-12）", "办理中：已组织招聘会"],
            ["", "", "", "", "", "2", "意见建议", "建议开通公交", "", ""],
            ["2", "临湘化工有限公司", "", "", "", "3", "", "环评审批慢", "", "正在了解"],
            [ProblemList.footnote],
            ["3", "不该读到的企业", "", "", "", "4", "", "不该读到", "", ""],
        ]
        var entries: [ProblemListSheet.Entry] = []
        for (i, cells) in rows.enumerated() {
            if let entry = sheet.read(row: i + 1, cells: cells) { entries.append(entry) }
        }
        sheet.finish(entriesRead: entries.count)
        #expect(sheet.errors.isEmpty, "\(sheet.errors)")
        #expect(sheet.headerRow == 2)
        #expect(entries.map(\.row) == [3, 4, 5])
        #expect(entries.map(\.enterpriseName) == ["临湘浮标有限公司", "临湘浮标有限公司", "临湘化工有限公司"])
        #expect(entries[1].region == "岳阳市临湘市")
        #expect(entries.map(\.kind) == [.problem, .suggestion, .problem])
        #expect(entries[0].assignments == [.init(unit: "人社局", day: day)])
        #expect(entries[0].state == .inProgress && entries[0].progress == "已组织招聘会")
        #expect(entries[2].state == nil && entries[2].progress == "正在了解" && entries[2].category == nil)
    }

    @Test func everyBadCellIsNamedByRowAndColumn() {
        var sheet = ProblemListSheet()
        let rows: [[String]] = [
            ["企业全称", "问题类别", "困难问题", "交办单位及时间"],
            ["", "困难求助", "没有企业", ""],
            ["甲公司", "困难求助", "", "经济发展局（2024-9-31）"],
            ["乙公司", "困难求助", String(repeating: "长", count: 2001), ""],
        ]
        for (i, cells) in rows.enumerated() { #expect(sheet.read(row: i + 1, cells: cells) == nil) }
        #expect(
            sheet.errors.map(\.description) == [
                "第2行 A列（企业全称）：企业全称不能为空", "第3行 C列（困难问题）：困难问题不能为空",
                "第3行 D列（交办单位及时间）：交办时间“2024-9-31”不是有效日期，应如 2024-09-12", "第4行 C列（困难问题）：困难问题不能超过2000字",
            ])
    }

    @Test func aSheetWithoutTheHeaderOrWithoutProblemsIsRefused() {
        var none = ProblemListSheet()
        _ = none.read(row: 1, cells: ["统一社会信用代码", "企业名称"])
        none.finish(entriesRead: 0)
        #expect(none.errors.first?.message.contains("没有找到表头") == true)
        var empty = ProblemListSheet()
        _ = empty.read(row: 1, cells: ProblemList.Column.allCases.map(\.header))
        _ = empty.read(row: 2, cells: [ProblemList.footnote])
        empty.finish(entriesRead: 0)
        #expect(empty.errors.map(\.description) == ["第2行：表头下没有问题"])
    }
}
