import Foundation
import JieyouDomain
import JieyouOffice

/// 批量开通账号模板: the sheet's columns with two example rows (a cadre stationed at two enterprises, a
/// handler of a department), and a second sheet that says what each column takes.
enum AccountTemplate {
    static func write() async throws -> OfficeFile {
        try await OfficeFile.write(.xlsx, named: "批量开通账号模板") { url in
            let writer = try XlsxWriter(url: url)
            let columns = AccountSheet.Column.allCases
            let examples: [[AccountSheet.Column: String]] = [
                [.name: "张三", .phone: "13800001234", .roles: "联点干部", .enterprises: "湖南示例浮标制造有限公司、示例食品有限公司"],
                [
                    .name: "李四", .phone: "13900005678", .username: "lisi", .department: "经济发展局", .roles: "责任单位经办人",
                    .email: "lisi@example.gov.cn",
                ],
            ]
            try writer.addSheet(
                named: "人员名单", columnWidths: columns.map { $0 == .enterprises ? 44 : ($0 == .email ? 26 : 16) }
            ) { sheet in
                try sheet.addRow(columns.map { .text($0.header) }, style: .header)
                for example in examples { try sheet.addRow(columns.map { .text(example[$0] ?? "") }) }
            }
            try writer.addSheet(named: "填写说明", columnWidths: [14, 86]) { sheet in
                try sheet.addRow([.text("列"), .text("说明")], style: .header)
                let notes: [(String, String)] = [
                    ("姓名", "必填"),
                    ("手机号", "11位手机号；不填用户名时以手机号为用户名"),
                    ("用户名", "可不填；3到32位字母、数字、“_”“.”或“-”，不能与已有账号重复"),
                    ("所属单位", "可不填，默认开通到上传页面选择的单位；也可填其下级单位的名称或代码"),
                    ("所属部门", "责任单位经办人必填，为所属单位已有部门的名称"),
                    ("角色", "必填，多个用顿号分隔：" + Role.allCases.map(\.chineseName).joined(separator: "、")),
                    ("联系企业", "联点干部填驻企（包联）企业，企业联系人填所属企业（一家）；企业全称或统一社会信用代码，多个用顿号分隔"),
                    ("邮箱", "可不填；填写后可在“通知设置”中选择邮件接收通知"),
                    ("初始密码", "系统为每个新账号生成一次性初始密码，只在导入结果中显示一次；首次登录须修改"),
                    ("文件格式", "Excel（.xlsx）或 CSV（UTF-8 或 GBK/GB18030 编码均可）；任何一行有误则整表不导入，并列出所有错误"),
                ]
                for (column, note) in notes { try sheet.addRow([.text(column), .text(note)], style: .wrapped) }
            }
            try writer.close()
        }
    }
}
