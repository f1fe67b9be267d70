import Foundation
import JieyouDomain
import JieyouOffice

/// 企业名单导入模板: the import sheet's columns with an example row, and a second sheet that says what
/// each column takes.
enum EnterpriseTemplate {
    static func write() async throws -> OfficeFile {
        try await OfficeFile.write(.xlsx, named: "企业名单导入模板") { url in
            let writer = try XlsxWriter(url: url)
            let columns = EnterpriseSheet.Column.allCases
            try writer.addSheet(
                named: "企业名单", columnWidths: columns.map { $0 == .name || $0 == .relatedInfo ? 36 : 18 }
            ) {
                sheet in
                try sheet.addRow(columns.map { .text($0.header) }, style: .header)
                try sheet.addRow(columns.map { .text($0.example) })
            }
            try writer.addSheet(named: "填写说明", columnWidths: [18, 80]) { sheet in
                try sheet.addRow([.text("列"), .text("说明")], style: .header)
                let notes: [(String, String)] = [
                    ("统一社会信用代码", "必填，18位，系统校验校验位；已登记的代码会更新原企业而不是新增"),
                    ("企业全称", "必填"),
                    ("所属行业", "国民经济行业分类（GB/T 4754-2017）门类或大类名称，如“制造业”“医药制造业”，也可填代码"),
                    ("所属市县", "湖南省市州或县市区名称，如“岳阳市临湘市”，或6位行政区划代码"),
                    ("所属园区", "可不填，默认导入到上传页面选择的单位"),
                    ("企业规模", "规上 或 规下"),
                    ("企业标签", "多个用顿号分隔：" + EnterpriseTags.builtIn.joined(separator: "、")),
                    ("白名单（无事不扰）", "是 或 否"),
                    ("文件格式", "Excel（.xlsx）或 CSV（UTF-8 或 GBK/GB18030 编码均可）；任何一行有误则整表不导入，并列出所有错误"),
                ]
                for (column, note) in notes { try sheet.addRow([.text(column), .text(note)], style: .wrapped) }
            }
            try writer.close()
        }
    }
}
