/// The Chinese names of what the event log records: each record kind (`entityType`) and each action
/// code, so that no page shows a code (`overdue`, `draft`) where a reader expects words (超期, 起草).
/// The codes are stable (they are hashed into the chain); only their names live here.
public enum EventVocabulary {
    /// The record kinds, by code.
    public static let entities: [String: String] = [
        "orgUnit": "组织", "department": "部门", "user": "用户", "calendar": "工作日历", "orgSettings": "本单位设置",
        "enterprise": "企业", "tag": "企业标签", "team": "专班", "campaign": "专项行动", "visit": "走访",
        "meeting": "活动", "financingDemand": "融资诉求", "problem": "问题", "problemCategory": "问题子类",
        "policy": "政策", "benefit": "兑现", "project": "项目申报", "plan": "攻坚方案", "planTask": "攻坚任务",
        "planTarget": "攻坚目标", "report": "报告", "noticeChannel": "消息推送机器人",
        "attachment": "附件", "mailServer": "邮件服务器", "monitor": "监测员", "creditRecord": "双公示信息",
        "commonProblem": "共性问题",
    ]

    /// Actions whose name is the same for every record kind.
    static let commonActions: [String: String] = [
        "create": "新增", "update": "修改", "delete": "删除", "import": "导入", "import.create": "导入新增",
        "import.update": "导入更新", "advance": "推进",
        "attach": "上传附件",
    ]

    /// Actions named by the record kind they act on, where the same code means different work.
    static let actionsByEntity: [String: [String: String]] = [
        "problem": ["submit": "登记", "overdue": "超期", "import": "导入"],
        "enterprise": ["liaison.set": "设置三联"],
        "user": ["password.change": "修改密码", "login.locked": "登录锁定", "notices.update": "修改通知设置"],
        "orgSettings": ["timeLimits.update": "修改办理时限", "bulletinSections.update": "修改通报内容"],
        "financingDemand": ["advance": "更新进展"],
        "project": ["advance": "办理下一步"],
        "policy": ["push": "推送", "deliver": "送达", "acknowledge": "确认知晓"],
        "planTask": ["progress": "报送旬调度", "milestone": "添加节点", "supervise": "挂牌督办", "unsupervise": "摘牌"],
        "planTarget": ["actual": "填报实际值"],
        "report": ["draft": "起草", "edit": "修改草稿", "issue": "印发", "read": "已阅"],
        "attachment": ["download": "下载"],
        "commonProblem": [
            "confirm": "确认共性问题", "members.add": "并入问题", "members.remove": "移出问题", "merge": "合并共性问题",
            "dismiss": "排除建议", "escalate": "上报", "answer": "答复", "resolveMembers": "按答复办结",
        ],
        "creditRecord": [
            "publish": "公示", "repair.apply": "申请信用修复", "repair.approve": "同意信用修复", "repair.refuse": "不予信用修复",
        ],
    ]

    public static func entityName(_ code: String) -> String { entities[code] ?? "记录" }

    /// The action's name as a reader of `entityType`'s log sees it; a problem's workflow actions are
    /// `ProblemAction.Name`'s. An unknown code (from a newer version) reads as 其他操作, never as code.
    public static func actionName(_ action: String, of entityType: String) -> String {
        if let name = actionsByEntity[entityType]?[action] { return name }
        if entityType == "problem", let name = ProblemAction.Name(rawValue: action) { return name.chineseName }
        return commonActions[action] ?? "其他操作"
    }

}
