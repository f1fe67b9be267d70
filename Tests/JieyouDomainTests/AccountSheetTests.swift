import Testing

@testable import JieyouDomain

@Suite struct AccountSheetTests {
    @Test func headersInAnyOrderUnderATitleAndRolesByTheirNames() {
        var sheet = AccountSheet()
        let rows = [
            ["2026年驻企干部名单"],
            ["序号", "*姓名", "联系电话", "账号", "身份", "驻企企业"],
            ["1", "王五", "13800001111", "", "联点干部、服务小组", "甲公司，乙公司"],
            ["2", "赵六", "0730-3721234", "zhaoliu", "cadre", ""],
        ]
        var entries: [AccountSheet.Entry] = []
        for (index, cells) in rows.enumerated() {
            if let entry = sheet.read(row: index + 1, cells: cells) { entries.append(entry) }
        }
        sheet.finish(entriesRead: entries.count)
        #expect(sheet.errors.isEmpty, "\(sheet.errors)")
        #expect(entries.map(\.username) == ["13800001111", "zhaoliu"])
        #expect(entries[0].roles == [.cadre, .dispatcher])
        #expect(entries[0].enterprises == ["甲公司", "乙公司"])
        #expect(AccountSheet.role(named: "服务小组(调度)") == .dispatcher)
        #expect(AccountSheet.role(named: "局长") == nil)
    }

    @Test func everyBadCellIsNamed() {
        var sheet = AccountSheet()
        let rows = [
            ["姓名", "用户名", "手机号", "角色", "联系企业", "邮箱"],
            ["", "a1b", "13800001111", "联点干部", "", ""],
            ["张三", "", "0730-123", "干部", "", ""],
            ["李四", "A1B", "", "领导", "某公司", "bad@"],
            ["王五", "wangwu", "", "企业联系人", "甲、乙", ""],
        ]
        for (index, cells) in rows.enumerated() { _ = sheet.read(row: index + 1, cells: cells) }
        sheet.finish(entriesRead: 0)
        #expect(sheet.errors.map { "\($0.row)\($0.column ?? "")" } == ["2A", "3C", "4B", "4E", "4F", "5E"])
        #expect(sheet.errors[2].message == "与第2行的用户名重复")
    }
}
