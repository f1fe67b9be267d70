import Foundation
import JieyouDomain

/// 湘西高新区's monitors and its complaints, requests and questions with seed 003's figures: "处理并报送省优化营商环境网
/// 平台投诉诉求咨询事件53件，办结50件，正在处理3件". Each is taken in from its requester, answered,
/// and the requester called back before 销号, through `ProblemDesk` on the day of each step.
extension DemoProblems {
    /// What people brought, per kind, with the department that answers it.
    static let requests: [(kind: ProblemKind, text: String, concern: RequestConcern, department: String)] = [
        (.complaint, "到行政审批窗口办理项目备案，窗口人员三次要求补充同一份材料", .departmentService, "行政审批服务局"),
        (.complaint, "施工许可办理超过承诺时限仍未出证，电话询问无人答复", .departmentService, "行政审批服务局"),
        (.complaint, "经办人员对企业咨询态度生硬，推诿到其他部门", .officialConduct, "经济发展局"),
        (.complaint, "同一月内被三个部门就同一事项上门检查", .departmentService, "经济发展局"),
        (.complaint, "惠企奖补资金已公示三个月仍未拨付", .departmentService, "经济发展局"),
        (.complaint, "要求企业使用指定中介机构出具评估报告", .officialConduct, "行政审批服务局"),
        (.request, "厂区用电负荷不足，请求协调增设输电线路", .enterpriseMatter, "经济发展局"),
        (.request, "新招员工住宿困难，请求协调园区公寓", .enterpriseMatter, "经济发展局"),
        (.request, "厂区门口道路积水严重，请求尽快修复排水", .enterpriseMatter, "经济发展局"),
        (.request, "扩产急需流动资金，请求对接银行授信", .enterpriseMatter, "经济发展局"),
        (.request, "请求协助办理外地技术人员子女入学", .enterpriseMatter, "经济发展局"),
        (.request, "不动产登记资料遗失，请求协助补办", .enterpriseMatter, "行政审批服务局"),
        (.inquiry, "研发费用加计扣除今年如何申报", .enterpriseMatter, "经济发展局"),
        (.inquiry, "惠企政策资金申报需要准备哪些材料", .enterpriseMatter, "经济发展局"),
        (.inquiry, "个体户转为企业的手续在哪里办理", .enterpriseMatter, "行政审批服务局"),
        (.inquiry, "高新技术企业认定的申报时间", .enterpriseMatter, "经济发展局"),
    ]

    /// 53 over the last eleven weeks: 18 complaints, 24 requests, 11 questions. Of them 45 closed after
    /// the requester was called back, 2 anonymous complaints closed without a callback, 3 answered and
    /// waiting for their callback (50 办结), and 3 still being handled.
    func loadSeed003(xiangxi: UUID, enterprises: [UUID], cast: Cast) async throws {
        var random = DemoRandom(seed: 3)
        let d = cast.dispatcher
        let kinds: [ProblemKind] =
            Array(repeating: .complaint, count: 18) + Array(repeating: .request, count: 24)
            + Array(repeating: .inquiry, count: 11)
        // The open ones and the anonymous ones, by their place in the list.
        let open: Set<Int> = [5, 30, 48]
        let anonymous: Set<Int> = [2, 11]
        let waiting: Set<Int> = [20, 40, 51]
        for (index, kind) in kinds.enumerated() {
            let choices = Self.requests.filter { $0.kind == kind }
            let item = choices[random.next(choices.count)]
            let handler = cast.handlers[item.department]!
            let submitted =
                open.contains(index)
                ? today.adding(days: -(2 + random.next(5))) : today.adding(days: -(8 + random.next(70)))
            let name =
                DemoEnterprises.surnames[random.next(DemoEnterprises.surnames.count)]
                + (random.next(2) == 0 ? "先生" : "女士")
            let phone = "139" + String(format: "%08d", random.next(100_000_000))
            let requester = ProblemRequester(
                name: anonymous.contains(index) ? nil : name, phone: anonymous.contains(index) ? nil : phone,
                confidential: kind == .complaint && random.next(3) == 0, concern: item.concern,
                respondentDepartment: item.concern == .enterpriseMatter ? nil : handler.departmentID,
                respondent: item.concern == .officialConduct ? "\(item.department)窗口工作人员" : nil)
            // Most came as the platform's work orders (工单编号 as it numbers them); the rest by phone
            // to the service group. Each is written as the work-order import writes it, on its day.
            let viaPlatform = random.next(5) != 0
            let at = Self.time(on: submitted)
            let orderNumber =
                "XY\(submitted.iso.replacingOccurrences(of: "-", with: ""))\(String(format: "%03d", index + 1))"
            let order = ProblemIntake.NewProblem(
                orgUnit: xiangxi, enterpriseID: random.next(3) == 0 ? enterprises[random.next(enterprises.count)] : nil,
                kind: kind, category: nil, source: viaPlatform ? .hotline : .dispatcher, description: item.text,
                reportedBy: d.userID, requester: requester, externalNumber: viaPlatform ? orderNumber : nil,
                externalPlatform: viaPlatform ? "省优化营商环境平台" : nil)
            let id = try await app.db.writing(actorID: d.userID, now: at) { tx, log in
                try await ProblemIntake.insert(order, now: at, calendar: calendar, on: tx.sql, log: log).id
            }
            let answer = kind == .inquiry ? ResultKind.answered : (random.next(6) == 0 ? .explained : .solved)
            let reply = ProblemAction.resolve(
                result: kind == .inquiry ? "已电话告知办理流程和所需材料" : "已核实情况并督促整改，结果已告知诉求人", kind: answer,
                replyMethod: kind == .inquiry ? .phone : (random.next(3) == 0 ? .platform : .phone))
            // A question is answered by the service group at once, unless it is one still open.
            var steps: [(Int, Actor, ProblemAction)] = [(random.next(2), d, .accept(category: nil))]
            if kind == .inquiry && !open.contains(index) {
                steps.append((random.next(2), d, reply))
            } else {
                steps += [
                    (0, d, .assign(lead: handler.departmentID, co: [], deadline: nil)),
                    (random.next(2), handler, .sign),
                ]
                if open.contains(index) {
                    steps.append((1, handler, .progress(text: "已联系诉求人了解情况，正在核实")))
                } else {
                    steps.append((2 + random.next(kind == .complaint ? 7 : 3), handler, reply))
                }
            }
            if anonymous.contains(index) {
                steps.append((1, d, .close(overrideReason: "匿名投诉，未留联系方式，无法回访")))
            } else if !open.contains(index) && !waiting.contains(index) {
                let rating: Satisfaction = random.next(6) == 0 ? .basicallySatisfied : .satisfied
                steps += [
                    (1 + random.next(2), d, .revisit(satisfaction: rating, comment: "电话回访诉求人")),
                    (0, d, .close(overrideReason: nil)),
                ]
            }
            try await walk(id, from: submitted, steps)
        }
    }
}

extension DemoProblems {
    /// Seed 003's two rosters: 42 enterprise representatives as 营商环境监督员 and 28 清廉园区 monitors,
    /// appointed for the year; the first has the `xx_monitor` account and has reported twice, once 暗访.
    func loadSeed003Monitors(xiangxi: UUID, enterprises: [String], monitorAccount: Actor, admin: Actor) async throws {
        var random = DemoRandom(seed: 30)
        let desk = MonitorDesk(database: app.db, now: Self.time(on: today))
        let starts = LocalDate(year: today.year, month: 1, day: 1)!
        let ends = LocalDate(year: today.year, month: 12, day: 31)!
        let places = ["政务服务大厅综合窗口", "政务服务大厅投资项目窗口", "不动产登记窗口", "税务办税服务厅", "园区企业服务中心"]
        for index in 0..<70 {
            let kind: MonitorKind = index < 42 ? .businessEnvironment : .integrity
            let isPlace = kind == .integrity && index % 7 == 0
            let name =
                isPlace
                ? places[index % places.count]
                : DemoEnterprises.surnames[random.next(DemoEnterprises.surnames.count)]
                    + DemoEnterprises.given[random.next(DemoEnterprises.given.count)]
            _ = try await desk.create(
                MonitorDesk.Input(
                    draft: MonitorDraft(
                        name: name, kind: kind.rawValue, form: (isPlace ? MonitorForm.place : .person).rawValue,
                        organisation: kind == .businessEnvironment ? enterprises[index % enterprises.count] : nil,
                        phone: isPlace ? nil : "138" + String(format: "%08d", random.next(100_000_000)),
                        termStartsOn: starts.iso, termEndsOn: ends.iso),
                    orgUnitID: xiangxi, userID: index == 0 ? monitorAccount.userID : nil),
                by: admin)
        }
        for (days, source, text) in [
            (12, ProblemSource.monitor, "园区企业反映办理施工许可需多次往返，材料要求前后不一"),
            (5, .incognito, "暗访政务服务大厅，投资项目窗口午间无人值守"),
        ] {
            let day = today.adding(days: -days)
            _ = try await service(on: day).submit(
                ProblemInput(kind: ProblemKind.problem.rawValue, source: source.rawValue, description: text),
                orgUnit: xiangxi, by: monitorAccount)
        }
    }
}
