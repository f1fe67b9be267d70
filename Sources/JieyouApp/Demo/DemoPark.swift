import JieyouDomain

/// The demo organisation: 湖南省 → 长沙市 → two districts → three parks, and 湘西州 → 吉首市 → 湘西高新区
/// (seed 003), with the departments the seeds name and an account for every role. Data only; `DemoLoader` writes it through the services.
enum DemoPark {
    static let password = "Jieyou2024"

    struct Unit {
        let key: String
        let parent: String?
        let level: OrgLevel
        let name: String
        let code: String
    }

    static let units: [Unit] = [
        Unit(key: "hunan", parent: nil, level: .province, name: "湖南省", code: "430000"),
        Unit(key: "changsha", parent: "hunan", level: .city, name: "长沙市", code: "430100"),
        Unit(key: "yuelu", parent: "changsha", level: .county, name: "岳麓区", code: "430104"),
        Unit(key: "wangcheng", parent: "changsha", level: .county, name: "望城区", code: "430112"),
        Unit(key: "gaoxin", parent: "yuelu", level: .park, name: "长沙高新区", code: "CSGXQ"),
        Unit(key: "yuelupark", parent: "yuelu", level: .park, name: "岳麓高新区", code: "YLGXQ"),
        Unit(key: "wangchengpark", parent: "wangcheng", level: .park, name: "望城经开区", code: "WCJKQ"),
        Unit(key: "xiangxi", parent: "hunan", level: .city, name: "湘西土家族苗族自治州", code: "433100"),
        Unit(key: "jishou", parent: "xiangxi", level: .county, name: "吉首市", code: "433101"),
        Unit(key: "xiangxipark", parent: "jishou", level: .park, name: "湘西高新区", code: "XXGXQ"),
    ]

    /// Departments of every park, as the seeds name them.
    static let parkDepartments: [(String, DepartmentKind, String?)] = [
        ("综合小组", .workingGroup, nil),
        ("政策小组", .workingGroup, nil),
        ("服务小组", .workingGroup, "0731-88990011"),
        ("宣传小组", .workingGroup, nil),
        ("经济发展局", .bureau, "0731-88990021"),
        ("行政审批服务局", .bureau, "0731-88990022"),
        ("住房和建设管理局", .bureau, nil),
        ("科技创新办公室", .bureau, nil),
        ("组织人事局", .bureau, nil),
        ("科技金融服务中心", .bureau, nil),
        ("税务局", .external, "12366"),
        ("电力公司", .external, "95598"),
    ]

    static let upperDepartments: [(unit: String, name: String, kind: DepartmentKind)] = [
        ("changsha", "“两重”“两新”送解优推进机制综合专班", .taskForce),
        ("changsha", "市发展和改革委员会", .bureau),
        ("yuelu", "区优化营商环境专班", .taskForce),
        ("wangcheng", "区优化营商环境专班", .taskForce),
        ("xiangxi", "州打好优化发展环境持久仗工作专班", .taskForce),
        ("hunan", "省推进机制综合专班", .taskForce),
    ]

    struct Account {
        let username: String
        let name: String
        let roles: Set<Role>
        let unit: String
        var department: String? = nil
        var enterprise: String? = nil
        let phone: String
    }

    static let accounts: [Account] = [
        Account(username: "admin", name: "系统管理员", roles: [.admin], unit: "hunan", phone: "13800000001"),
        Account(username: "cs_admin", name: "刘建国", roles: [.admin], unit: "changsha", phone: "13807310002"),
        Account(
            username: "cs_upper", name: "陈志强", roles: [.upper], unit: "changsha", department: "“两重”“两新”送解优推进机制综合专班",
            phone: "13807310003"),
        Account(
            username: "gx_admin", name: "王丽华", roles: [.admin], unit: "gaoxin", department: "综合小组", phone: "13807310011"
        ),
        Account(
            username: "gx_dispatcher", name: "李明", roles: [.dispatcher], unit: "gaoxin", department: "服务小组",
            phone: "13807310012"),
        Account(
            username: "gx_handler", name: "张伟", roles: [.handler], unit: "gaoxin", department: "经济发展局",
            phone: "13807310013"),
        Account(
            username: "gx_handler_tax", name: "赵敏", roles: [.handler], unit: "gaoxin", department: "税务局",
            phone: "13807310014"),
        Account(
            username: "gx_cadre", name: "周杰", roles: [.cadre], unit: "gaoxin", department: "服务小组", phone: "13807310015"),
        Account(
            username: "gx_cadre2", name: "刘洋", roles: [.cadre], unit: "gaoxin", department: "服务小组", phone: "13807310019"
        ),
        Account(
            username: "gx_cadre3", name: "陈静", roles: [.cadre], unit: "gaoxin", department: "经济发展局",
            phone: "13807310020"),
        Account(username: "gx_leader", name: "黄志明", roles: [.leader], unit: "gaoxin", phone: "13807310016"),
        Account(username: "gx_monitor", name: "吴芳", roles: [.monitor], unit: "gaoxin", phone: "13807310017"),
        Account(
            username: "gx_enterprise", name: "孙红梅", roles: [.enterprise], unit: "gaoxin", enterprise: "湖南麓谷新材料科技有限公司",
            phone: "13807310018"),
        Account(
            username: "wc_admin", name: "郑涛", roles: [.admin], unit: "wangchengpark", department: "综合小组",
            phone: "13807310021"),
        Account(
            username: "wc_dispatcher", name: "何静", roles: [.dispatcher], unit: "wangchengpark", department: "服务小组",
            phone: "13807310022"),
        Account(
            username: "wc_handler", name: "彭亮", roles: [.handler], unit: "wangchengpark", department: "经济发展局",
            phone: "13807310023"),
        Account(
            username: "wc_handler_approval", name: "谭颖", roles: [.handler], unit: "wangchengpark",
            department: "行政审批服务局", phone: "13807310024"),
        Account(
            username: "wc_handler_housing", name: "邓军", roles: [.handler], unit: "wangchengpark",
            department: "住房和建设管理局", phone: "13807310025"),
        Account(
            username: "wc_handler_hr", name: "曾琳", roles: [.handler], unit: "wangchengpark", department: "组织人事局",
            phone: "13807310026"),
        Account(
            username: "wc_handler_power", name: "廖斌", roles: [.handler], unit: "wangchengpark", department: "电力公司",
            phone: "13807310027"),
        Account(
            username: "wc_handler_tax", name: "胡敏", roles: [.handler], unit: "wangchengpark", department: "税务局",
            phone: "13807310028"),
        Account(
            username: "wc_cadre", name: "蒋毅", roles: [.cadre], unit: "wangchengpark", department: "服务小组",
            phone: "13807310029"),
        Account(
            username: "yl_admin", name: "罗斌", roles: [.admin], unit: "yuelupark", department: "综合小组",
            phone: "13807310031"),
        Account(
            username: "xx_dispatcher", name: "田晓燕", roles: [.dispatcher], unit: "xiangxipark", department: "服务小组",
            phone: "13807430041"),
        Account(
            username: "xx_handler", name: "彭志刚", roles: [.handler], unit: "xiangxipark", department: "经济发展局",
            phone: "13807430042"),
        Account(
            username: "xx_handler_approval", name: "石慧", roles: [.handler], unit: "xiangxipark",
            department: "行政审批服务局", phone: "13807430043"),
        Account(username: "xx_monitor", name: "向海涛", roles: [.monitor], unit: "xiangxipark", phone: "13807430044"),
        Account(
            username: "xx_cadre", name: "龙建军", roles: [.cadre], unit: "xiangxipark", department: "服务小组",
            phone: "13807430045"),
        Account(
            username: "xx_enterprise", name: "滕丽萍", roles: [.enterprise], unit: "xiangxipark",
            enterprise: "湘西武陵山酒业有限公司", phone: "13807430046"),
    ]

    /// A few enterprises per park, so enterprise accounts have a real record to belong to.
    static let enterprises: [(unit: String, name: String)] = [
        ("gaoxin", "湖南麓谷新材料科技有限公司"),
        ("gaoxin", "长沙湘江智能装备制造有限公司"),
        ("gaoxin", "湖南星沙医药科技股份有限公司"),
        ("gaoxin", "长沙云帆电子商务有限公司"),
        ("yuelupark", "湖南岳麓山检测技术有限公司"),
        ("yuelupark", "长沙梅溪湖软件开发有限公司"),
        ("wangchengpark", "湖南铜官食品加工有限公司"),
        ("wangchengpark", "长沙望城绿色化工有限公司"),
        ("wangchengpark", "湖南乔口浮标渔具有限公司"),
        ("xiangxipark", "湘西武陵山酒业有限公司"),
    ]
}
