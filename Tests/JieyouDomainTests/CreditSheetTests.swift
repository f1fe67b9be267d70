import Foundation
import JieyouDomain
import Testing

/// A sheet of 双公示 records: its header found under a title in any order, its kind from the header,
/// the standard's Chinese names read back into codes, and every bad cell named by row and column.
@Suite struct CreditSheetTests {
    let today = LocalDate(iso: "2026-12-07")!

    @Test func aLicenceSheetUnderATitleIsReadInAnyColumnOrder() {
        var sheet = CreditSheet(today: today)
        let rows: [[String]] = [
            ["行政许可信息　湘西高新区 2026-12-07"],
            ["许可内容", "行政相对人名称", "统一社会信用代码", "行政许可决定文书号", "许可类别", "许可决定日期", "有效期至", "许可机关", "数据来源单位"],
            [
                "食品经营许可", "湘西武陵山酒业有限公司", "91440300708461136T", "审批许〔2026〕1号", "登记", "46218", "2031-07-14",
                "湘西高新区行政审批服务局", "行政审批服务局",
            ],
        ]
        var entries: [CreditSheet.Entry] = []
        for (index, cells) in rows.enumerated() {
            if let entry = sheet.read(row: index + 1, cells: cells) { entries.append(entry) }
        }
        sheet.finish(entriesRead: entries.count)
        #expect(sheet.errors.isEmpty, "\(sheet.errors)")
        #expect(sheet.kind == .licence && sheet.headerRow == 2)
        let values = entries.first?.values
        // 46218 is Excel's day number of 2026-07-15.
        #expect(values?.decidedOn == LocalDate(iso: "2026-07-15") && values?.licenceCategory == .registration)
        #expect(entries.first?.department == "行政审批服务局" && values?.publicUntil == LocalDate(iso: "2031-07-14"))
    }

    @Test func everyBadCellIsNamed() {
        var sheet = CreditSheet(today: today)
        let header = [
            "行政相对人名称", "行政相对人类别", "统一社会信用代码", "行政处罚决定书文号", "违法行为类型", "违法事实", "处罚依据", "处罚类别", "处罚内容", "罚款金额（万元）",
            "处罚决定日期", "处罚机关",
        ]
        let good = [
            "湘西某建材有限公司", "法人及非法人组织", "91440300708461136T", "罚1号", "未按规定培训", "未培训", "第九十七条", "警告、罚款", "警告，罚款", "2",
            "2026-11-02", "经济发展局",
        ]
        var twice = good
        twice[1] = "公司"
        twice[7] = "警告、鞭刑"
        twice[10] = "2026年13月1日"
        _ = sheet.read(row: 1, cells: header)
        #expect(sheet.read(row: 2, cells: good) != nil)
        #expect(sheet.read(row: 3, cells: twice) == nil)
        #expect(sheet.kind == .penalty)
        #expect(
            sheet.errors.map(\.description) == [
                "第3行 B列（行政相对人类别）：行政相对人类别“公司”无法识别，应为法人及非法人组织、个体工商户、自然人之一",
                "第3行 D列（行政处罚决定书文号）：决定文书号“罚1号”与第2行重复",
                "第3行 H列（处罚类别）：处罚类别应为警告、通报批评、罚款、没收违法所得、没收非法财物、暂扣许可证件、降低资质等级、吊销许可证件、限制开展生产经营活动、责令停产停业、责令关闭、限制从业、行政拘留、其他",
                "第3行 K列（处罚决定日期）：决定日期“2026年13月1日”无法识别，应如 2026-07-20",
            ])
    }

    @Test func aSheetWithoutTheHeaderSaysWhatItNeeds() {
        var sheet = CreditSheet(today: today)
        _ = sheet.read(row: 1, cells: ["企业名称", "金额"])
        sheet.finish(entriesRead: 0)
        #expect(sheet.errors.first?.message.hasPrefix("没有找到表头") == true)
    }
}
