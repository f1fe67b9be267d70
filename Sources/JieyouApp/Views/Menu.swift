import JieyouDomain

/// One entry of the navigation menu.
struct MenuItem: Equatable {
    let title: String
    let path: String
}

/// The entries of one task (问题, 企业与走访, 政策, 攻坚, 统计与通报, 设置).
struct MenuGroup: Equatable {
    let title: String
    let items: [MenuItem]
    /// Pages of the group that no entry leads to directly (融资诉求 is reached from 活动).
    var also: [String] = []
}

/// The menu of a user: 首页, then its tasks as groups, each with only what the user's roles may open.
/// The page shows the groups in one row and the current group's entries in a second, so that it stays
/// two short rows on a phone and needs no script.
enum Menu {
    static func groups(for actor: Actor) -> [MenuGroup] {
        let all: [MenuGroup] = [
            // The work orders a park imports are its problems too.
            MenuGroup(title: "问题", items: problems(actor), also: [WebPath.workOrderImport]),
            MenuGroup(title: "企业与走访", items: fieldWork(actor), also: [WebPath.visits, WebPath.financing]),
            MenuGroup(title: "政策", items: policies(actor)),
            MenuGroup(title: "攻坚", items: plans(actor)),
            MenuGroup(title: "信用", items: credit(actor)),
            MenuGroup(title: "统计与通报", items: statistics(actor)),
            MenuGroup(title: "设置", items: settings(actor)),
        ]
        return all.filter { !$0.items.isEmpty }
    }

    /// What a role does most, one tap from every page: a cadre's 记录走访.
    static func quickAction(for actor: Actor) -> MenuItem? {
        actor.has(.cadre) && AccessPolicy.has(actor, .recordFieldWork)
            ? MenuItem(title: "记录走访", path: WebPath.newVisit) : nil
    }

    /// The group the page at `path` belongs to: the one with the entry whose path is the longest prefix.
    static func group(of path: String, in groups: [MenuGroup]) -> MenuGroup? {
        var best: (group: MenuGroup, length: Int)?
        for group in groups {
            for prefix in group.items.map(\.path) + group.also
            where matches(path, prefix) && prefix.count > (best?.length ?? 0) {
                best = (group, prefix.count)
            }
        }
        return best?.group
    }

    /// The entry the page at `path` is, or is below.
    static func matches(_ path: String, _ itemPath: String) -> Bool {
        let bare = itemPath.split(separator: "?").first.map(String.init) ?? itemPath
        return path == bare || (bare != "/" && path.hasPrefix(bare + "/"))
    }

    // MARK: The groups

    private static func problems(_ actor: Actor) -> [MenuItem] {
        // Every role has problems to follow: its org's, its department's, its enterprise's or its reports.
        var items = [MenuItem(title: "问题台账", path: WebPath.problems)]
        if actor.has(.handler), let department = actor.departmentID {
            items.append(MenuItem(title: "部门工作台", path: WebPath.departmentWork(department)))
        }
        if !actor.roles.isDisjoint(with: CommonProblemRules.readers) {
            items.append(MenuItem(title: "共性问题", path: SiteURL.commonProblems.path))
        }
        return items
    }

    private static func fieldWork(_ actor: Actor) -> [MenuItem] {
        var items: [MenuItem] = []
        if AccessPolicy.has(actor, .readEnterprises) { items.append(MenuItem(title: "企业", path: WebPath.enterprises)) }
        if AccessPolicy.has(actor, .recordFieldWork) {
            items.append(MenuItem(title: "记录走访", path: WebPath.newVisit))
        }
        if AccessPolicy.has(actor, .readEnterprises) {
            items += [
                MenuItem(title: "走访台账", path: WebPath.visits), MenuItem(title: "活动", path: WebPath.meetings),
                MenuItem(title: "专项行动", path: WebPath.campaigns),
                MenuItem(title: "走访覆盖", path: WebPath.coverage), MenuItem(title: "专班", path: WebPath.teams),
            ]
        }
        return items
    }

    private static func policies(_ actor: Actor) -> [MenuItem] {
        if AccessPolicy.has(actor, .readPolicies) {
            return [
                MenuItem(title: "政策", path: WebPath.policies), MenuItem(title: "项目申报", path: WebPath.projects),
                MenuItem(title: "兑现台账", path: WebPath.benefits),
            ]
        }
        return actor.has(.enterprise) ? [MenuItem(title: "我的政策", path: WebPath.myPolicies)] : []
    }

    private static func plans(_ actor: Actor) -> [MenuItem] {
        var items: [MenuItem] = []
        if actor.has(.handler), let department = actor.departmentID {
            items.append(MenuItem(title: "攻坚任务", path: WebPath.planUnit(department)))
        }
        if AccessPolicy.has(actor, .readPlans) { items.append(MenuItem(title: "攻坚方案", path: WebPath.plans)) }
        return items
    }

    private static func credit(_ actor: Actor) -> [MenuItem] {
        guard CreditAccess.readsRecords(actor) else { return [] }
        var items = [MenuItem(title: actor.has(.enterprise) ? "我的信用信息" : "双公示", path: SiteURL.credit.path)]
        if actor.has(.handler), actor.departmentID != nil {
            items.append(MenuItem(title: "修复审核", path: SiteURL.creditReviews.path))
        }
        items.append(MenuItem(title: "信用公示", path: SiteURL.creditPublic.path))
        return items
    }

    private static func statistics(_ actor: Actor) -> [MenuItem] {
        guard AccessPolicy.has(actor, .readStatistics) else { return [] }
        var items = [
            MenuItem(title: "数据看板", path: WebPath.dashboard), MenuItem(title: "统计分析", path: WebPath.stats),
            MenuItem(title: "通报", path: WebPath.reports),
        ]
        // Reports from below reach a unit's task force: its dispatchers, leaders and 上级专班.
        if ReportStore.mayReceive(actor, unit: actor.orgUnitID) {
            items.append(MenuItem(title: "报送收件箱", path: SiteURL.reportInbox.path))
        }
        return items
    }

    private static func settings(_ actor: Actor) -> [MenuItem] {
        var items: [MenuItem] = []
        if AccessPolicy.has(actor, .manageOrganisation) {
            items += [
                MenuItem(title: "组织机构", path: WebPath.orgUnits), MenuItem(title: "部门", path: WebPath.departments),
                MenuItem(title: "监测员", path: SiteURL.monitors.path),
                MenuItem(title: "用户", path: WebPath.users), MenuItem(title: "工作日历", path: WebPath.calendar),
                MenuItem(title: "本单位设置", path: WebPath.orgSettings),
            ]
        } else if AccessPolicy.has(actor, .readDirectory) {
            items.append(MenuItem(title: "通讯录", path: WebPath.directory))
        }
        if AccessPolicy.has(actor, .readAuditLog) { items.append(MenuItem(title: "操作日志", path: WebPath.events)) }
        items.append(MenuItem(title: "通知设置", path: SiteURL.noticePreferences.path))
        items.append(MenuItem(title: "修改密码", path: WebPath.password))
        return items
    }
}
