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
        // The problem loop's fields (`ProblemSnapshot.auditValues` and the workflow's notes).
        "state": "状态", "category": "问题类别", "deadline": "办理时限", "signBy": "签收时限", "source": "来源",
        "leadDepartmentId": "牵头单位", "coDepartmentIds": "配合单位", "description": "问题描述", "number": "编号",
        "note": "说明", "result": "办理结果", "resultKind": "办结类型", "satisfaction": "满意度", "rootCause": "症结",
        "returnReason": "退回理由", "pausedSince": "挂起日期", "extension": "延期申请", "closeOverride": "销号说明",
        "ongoing": "持续推进", "mergedInto": "并入", "flags": "标记", "overdueCount": "超期次数",
        "escalatedTo": "上报至", "comment": "评价意见",
        // Files, reports, policies, projects.
        "attachmentId": "附件", "file": "文件名", "purpose": "用途", "bytes": "大小（字节）", "sha256": "SHA-256",
        "title": "标题", "period": "期次", "summary": "总体情况", "nextSteps": "下步工作", "submittedTo": "报送至",
        "readBy": "阅读单位", "stage": "阶段", "amount": "金额（万元）", "amountAsked": "申请金额（万元）",
        "amountGranted": "兑现金额（万元）", "benefitKind": "兑现方式", "issuer": "发文单位", "pushed": "推送",
        "acknowledged": "确认知晓", "email": "邮箱", "noticeEmail": "邮件方式", "noticeMuted": "不发邮件的通知",
        "bulletinSections": "通报内容",
        // Complaints and work orders; the monitor roster.
        "replyMethod": "答复方式", "requesterName": "诉求人", "requesterPhone": "诉求人电话", "externalNumber": "工单编号",
        "externalPlatform": "工单来源", "form": "形式", "organisation": "所在单位", "termStartsOn": "聘期开始",
        "termEndsOn": "聘期结束", "userId": "关联账号",
        // 双公示 and 信用修复.
        "counterpartyName": "行政相对人名称", "counterpartyCategory": "行政相对人类别", "legalRepresentative": "法定代表人",
        "documentNumber": "决定文书号", "licenceCategory": "许可类别", "licenceContent": "许可内容",
        "licenceNumber": "许可编号", "violationType": "违法行为类型", "violationFacts": "违法事实",
        "penaltyBasis": "处罚依据", "penaltyCategories": "处罚类别", "penaltyContent": "处罚内容", "fineYuan": "罚款金额（元）",
        "confiscatedYuan": "没收金额（元）", "severity": "失信程度", "decidedOn": "决定日期", "validFrom": "有效期自",
        "validUntil": "有效期至", "authority": "决定机关", "authorityCode": "决定机关统一社会信用代码",
        "publicUntil": "公示截止期", "publishedOn": "公示日期", "repairedOn": "修复日期", "repairId": "修复申请",
        "statement": "申请说明", "contact": "联系人", "reason": "审核意见",
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
        case "kind":
            if event.entityType == "problem" { return ProblemKind(rawValue: value)?.chineseName ?? value }
            if event.entityType == "noticeChannel" { return RobotKind(rawValue: value)?.chineseName ?? value }
            return DepartmentKind(rawValue: value)?.chineseName ?? value
        case "state" where event.entityType == "problem":
            return ProblemState(rawValue: value)?.chineseName ?? value
        case "category":
            return ProblemCategory.shipped.first { $0.code == value }?.name ?? value
        case "satisfaction": return Satisfaction(rawValue: value)?.chineseName ?? value
        case "resultKind": return ResultKind(rawValue: value)?.chineseName ?? value
        case "source" where event.entityType == "problem":
            return ProblemSource(rawValue: value)?.chineseName ?? value
        case "flags":
            return value.split(separator: ",").map { ProblemFlag(rawValue: String($0))?.chineseName ?? String($0) }
                .joined(separator: "、")
        case "stage": return ProjectStage(rawValue: value)?.chineseName ?? value
        case "benefitKind": return BenefitKind(rawValue: value)?.chineseName ?? value
        case "purpose": return AttachmentPurpose(rawValue: value)?.chineseName ?? value
        case "coDepartmentIds":
            // "id@day,…": each department by name with the day it was added.
            return value.split(separator: ",").map { item -> String in
                let parts = item.split(separator: "@")
                let name = UUID(uuidString: String(parts[0])).flatMap(names.name(of:)) ?? String(parts[0])
                return parts.count > 1 ? "\(name)（\(parts[1])）" : name
            }.joined(separator: "、")
        case "active": return value == "true" ? "是" : "否"
        case "password": return value == "reset" ? "已重置" : "已修改"
        case "lockedUntil":
            return (try? Date(value, strategy: .iso8601)).map(ChinaTime.dateTime) ?? value
        default:
            return UUID(uuidString: value).flatMap(names.name(of:)) ?? value
        }
    }
}
