import Foundation
import JieyouDomain

/// One event, formatted for the log page: Chinese field names, names instead of ids, role and
/// level codes in Chinese.
struct EventRowContext {
    let event: EventModel
    let names: EventNames

    var time: String { ChinaTime.dateTime(event.occurredAt) }

    var actor: String {
        guard let id = event.actorID else { return "系统" }
        return names.users[id] ?? "（已删除用户）"
    }

    var what: String {
        let entity = EventVocabulary.entityName(event.entityType)
        let action = EventVocabulary.actionName(event.action, of: event.entityType)
        let record = UUID(uuidString: event.entityID).flatMap(names.name(of:)) ?? event.entityID
        return "\(action)\(entity) \(record)"
    }

    static let fieldLabels: [String: String] = [
        "name": "名称", "displayName": "姓名", "username": "用户名", "phone": "电话", "roles": "角色",
        "orgUnitId": "所属组织", "parentId": "上级组织", "departmentId": "所属部门", "enterpriseId": "所属企业",
        "level": "级别", "code": "代码", "kind": "类型", "active": "启用", "creditCode": "统一社会信用代码",
        "password": "密码", "lockedUntil": "锁定至",
    ]

    /// Each changed field as `标签：旧值 → 新值`.
    var changes: HTML {
        guard let set = try? ChangeSet(canonicalJSON: event.changes) else { return "\(event.changes)" }
        let items = set.fields.keys.sorted().map { key -> HTML in
            let change = set.fields[key]!
            let label = Self.fieldLabels[key] ?? key
            let before = change.before.map { display(key, $0) }
            let after = change.after.map { display(key, $0) }
            let text = before.map { "\($0) → \(after ?? "（空）")" } ?? (after ?? "（空）")
            return "<li><b>\(label)</b>：\(text)</li>"
        }
        return "<ul class=\"changes\">\(items)</ul>"
    }

    private func display(_ key: String, _ value: String) -> String {
        switch key {
        case "roles":
            return value.split(separator: ",").map { Role(rawValue: String($0))?.chineseName ?? String($0) }
                .joined(separator: "、")
        case "level": return OrgLevel(rawValue: value)?.chineseName ?? value
        case "kind": return DepartmentKind(rawValue: value)?.chineseName ?? value
        case "active": return value == "true" ? "是" : "否"
        case "password": return value == "reset" ? "已重置" : "已修改"
        case "lockedUntil":
            return (try? Date(value, strategy: .iso8601)).map(ChinaTime.dateTime) ?? value
        default:
            return UUID(uuidString: value).flatMap(names.name(of:)) ?? value
        }
    }
}
