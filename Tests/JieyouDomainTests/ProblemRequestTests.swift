import Foundation
import JieyouDomain
import Testing

/// Complaints, requests and questions (投诉, 诉求, 咨询): their own time limits on the official
/// calendar, the answer to the requester, the requester's 回访 before 销号, and what each reader sees
/// of the requester.
@Suite struct ProblemRequestTests: WorkflowSteps {
    let workflow = ProblemWorkflow(calendar: .shipped)
    let lead = UUID()

    func assigned(_ kind: ProblemKind, category: String? = "governmentService", on iso: String) throws
        -> ProblemSnapshot
    {
        var p = ProblemSnapshot(state: .submitted, kind: kind)
        p = try run(.accept(category: category), p, as: .dispatcher, on: iso)
        return try run(.assign(lead: lead, co: [], deadline: nil), p, as: .dispatcher, on: iso)
    }

    /// Each kind runs on its own limit whatever its category: a complaint 10 working days, a request
    /// 5, a question 2 — counted across 国庆 2026 (10-01…10-07 off, Saturday 10-10 worked): from
    /// Wednesday 09-30 the working days are 10-08, 10-09, 10-10, 10-12, 10-13 … 10-20.
    @Test func eachKindRunsOnItsOwnLimitAcrossTheHoliday() throws {
        #expect(try assigned(.complaint, on: "2026-09-30").deadline == day("2026-10-20"))
        #expect(try assigned(.request, on: "2026-09-30").deadline == day("2026-10-13"))
        #expect(try assigned(.inquiry, on: "2026-09-30").deadline == day("2026-10-09"))
        // A problem of the same category keeps the category's 5 working days; 执法 its 10.
        #expect(try assigned(.problem, on: "2026-09-30").deadline == day("2026-10-13"))
        #expect(try assigned(.complaint, category: "enforcement", on: "2026-09-30").deadline == day("2026-10-20"))
        // A complaint without a category too.
        #expect(try assigned(.complaint, category: nil, on: "2026-09-30").deadline == day("2026-10-20"))
    }

    @Test func aUnitSetsTheKindsLimitsForItselfAndBelow() {
        let city = ProblemTimeLimits.Overrides(kindResolveDays: ["complaint": 15])
        let park = ProblemTimeLimits.Overrides(kindResolveDays: ["inquiry": 1])
        let limits = ProblemTimeLimits.inForce(lineage: [city, park], subCategories: [])
        #expect(limits.resolveDays(for: "hardship", kind: .complaint) == 15)
        #expect(limits.resolveDays(for: "hardship", kind: .inquiry) == 1)
        #expect(limits.resolveDays(for: "hardship", kind: .request) == 5)
        #expect(limits.resolveDays(for: "enforcement", kind: .problem) == 10)
        // Stored and read back as settings; an unknown kind or a day out of range is named.
        #expect(ProblemTimeLimits.Overrides(settings: city.settings) == city)
        let typed = ["kindResolveDays.complaint": "0", "kindResolveDays.inquiry": "二"]
        guard case .failure(let failure) = ProblemTimeLimits.Overrides.parse(typed) else {
            Issue.record("bad limits accepted")
            return
        }
        #expect(failure.errors.map(\.field) == ["kindResolveDays.complaint", "kindResolveDays.inquiry"])
        #expect(failure.errors[0].message.hasPrefix("“投诉”办理时限应为1至60之间的整数"))
        #expect(
            ProblemTimeLimits.Overrides(kindResolveDays: ["problem": 3]).problems().map(\.message) == [
                "“problem”不是投诉、诉求或咨询"
            ])
    }

    /// A complaint is answered when it is resolved, and the service group calls the requester back
    /// before 销号; 不满意 sends it back to be assigned again.
    @Test func aComplaintIsAnsweredAndTheRequesterCalledBack() throws {
        var p = try assigned(.complaint, on: "2026-09-30")
        p = try run(.sign, p, as: .leadHandler, on: "2026-09-30")
        let missing = refusal(.resolve(result: "已约谈窗口人员并整改", kind: .solved), p, as: .leadHandler, on: "2026-10-09")
        #expect(missing?.kind == .invalid(field: "replyMethod") && missing?.message == "请选择答复诉求人的方式")
        p = try run(
            .resolve(result: "已约谈窗口人员并整改", kind: .solved, replyMethod: .phone), p, as: .leadHandler,
            on: "2026-10-09")
        #expect(p.state == .resolved && p.replyMethod == .phone)
        // The revisit is due 3 working days later: Saturday 10-10 is worked.
        #expect(p.revisitBy == day("2026-10-13"))
        let notYet = refusal(.close(overrideReason: nil), p, as: .dispatcher, on: "2026-10-12")
        #expect(notYet?.message == "诉求人尚未回访满意，销号须填写理由")
        let reopened = try run(
            .revisit(satisfaction: .dissatisfied, comment: "窗口态度未改变"), p, as: .dispatcher, on: "2026-10-12")
        #expect(reopened.state == .accepted && reopened.replyMethod == nil && reopened.reopenCount == 1)
        p = try run(.revisit(satisfaction: .basicallySatisfied, comment: nil), p, as: .dispatcher, on: "2026-10-12")
        p = try run(.close(overrideReason: nil), p, as: .dispatcher, on: "2026-10-12")
        #expect(p.state == .closed)
        // A problem's revisit stays the enterprise's or its cadre's.
        var problem = try assigned(.problem, on: "2026-09-30")
        problem = try run(.sign, problem, as: .leadHandler, on: "2026-09-30")
        problem = try run(.resolve(result: "已办理", kind: .solved), problem, as: .leadHandler, on: "2026-10-09")
        #expect(
            refusal(.revisit(satisfaction: .satisfied, comment: nil), problem, as: .dispatcher, on: "2026-10-09")?
                .kind == .forbidden)
    }

    /// The service group answers a question at once, without assigning it; once it is assigned, its
    /// department answers. A question ends 已答复 only.
    @Test func aQuestionIsAnsweredDirectlyOrByItsDepartment() throws {
        var p = ProblemSnapshot(state: .submitted, kind: .inquiry)
        p = try run(.accept(category: nil), p, as: .dispatcher, on: "2026-12-07")
        #expect(
            refusal(
                .resolve(result: "可网上申报", kind: .solved, replyMethod: .phone), p, as: .dispatcher, on: "2026-12-07")?
                .kind == .invalid(field: "resultKind"))
        let answered = try run(
            .resolve(result: "可在省政务服务网申报，材料清单已短信发送", kind: .answered, replyMethod: .sms), p,
            as: .dispatcher, on: "2026-12-07")
        // It was due 2 working days after it was taken in, and answered the same day: in time.
        #expect(answered.state == .resolved && answered.resolvedOn == day("2026-12-07"))
        #expect(answered.deadline == day("2026-12-09") && answered.assignedOn == nil)
        let handed = try run(.assign(lead: lead, co: [], deadline: nil), p, as: .dispatcher, on: "2026-12-07")
        #expect(handed.deadline == day("2026-12-09"))
        let signed = try run(.sign, handed, as: .leadHandler, on: "2026-12-08")
        #expect(
            refusal(
                .resolve(result: "已答复", kind: .answered, replyMethod: .phone), signed, as: .dispatcher, on: "2026-12-08"
            )?
            .kind == .forbidden)
        #expect(
            try run(
                .resolve(result: "已答复", kind: .answered, replyMethod: .phone), signed, as: .leadHandler,
                on: "2026-12-08"
            )
            .state == .resolved)
        // Only a question is answered without a department.
        var complaint = ProblemSnapshot(state: .submitted, kind: .complaint)
        complaint = try run(.accept(category: nil), complaint, as: .dispatcher, on: "2026-12-07")
        #expect(
            refusal(
                .resolve(result: "已处理", kind: .solved, replyMethod: .phone), complaint, as: .dispatcher,
                on: "2026-12-07")?
                .message == "只有牵头单位经办人可以办结")
    }

    @Test func theRequesterIsCheckedFieldByField() {
        func parse(
            name: String? = nil, phone: String? = nil, concern: String? = nil, department: UUID? = nil,
            respondent: String? = nil, kind: ProblemKind = .complaint
        ) -> Result<ProblemRequester, ValidationFailure> {
            ProblemRequester.parse(
                name: name, phone: phone, confidential: false, concern: concern, respondentDepartment: department,
                respondent: respondent, kind: kind)
        }
        // An anonymous complaint is taken; a request or question needs someone to answer.
        #expect((try? parse().get())?.name == nil)
        guard case .failure(let anonymous) = parse(kind: .inquiry) else {
            Issue.record("accepted")
            return
        }
        #expect(anonymous.errors.map(\.field) == ["requester.name"])
        guard case .failure(let bad) = parse(name: "张三", phone: "1234567", concern: "作风") else {
            Issue.record("accepted")
            return
        }
        #expect(bad.errors.map(\.field) == ["requester.phone", "requester.concern"])
        #expect(bad.errors[1].message == "反映事项“作风”无效，应为涉企事项、部门履职、干部作风之一")
        // A complaint about conduct names whom it is about.
        guard case .failure(let nobody) = parse(name: "张三", concern: "officialConduct") else {
            Issue.record("accepted")
            return
        }
        #expect(nobody.errors.map(\.message) == ["反映干部作风的，请选择被投诉单位或填写被投诉对象"])
        #expect((try? parse(name: "张三", concern: "officialConduct", respondent: "政务大厅3号窗口").get()) != nil)
    }

    /// The service group sees the requester; the lead department sees whom to answer unless the
    /// requester asked for confidentiality; every other reader sees a masked number.
    @Test func eachReaderSeesAsMuchOfTheRequesterAsItNeeds() {
        let open = ProblemRequester(name: "李四", phone: "13812345678")
        #expect(open.shown(to: [.dispatcher]).phone == "13812345678")
        #expect(open.shown(to: [.leadHandler]).phone == "13812345678")
        #expect(open.shown(to: [.coHandler]).phone == "138****5678")
        #expect(open.shown(to: [.leader]).phone == "138****5678" && open.shown(to: [.leader]).name == "李四")
        let secret = ProblemRequester(name: "李四", phone: "13812345678", confidential: true)
        #expect(secret.shown(to: [.dispatcher]) == .init(name: "李四", phone: "13812345678", confidential: true))
        #expect(secret.shown(to: [.leadHandler]) == .init(name: "（保密）", phone: nil, confidential: true))
        #expect(secret.shown(to: [.reader]).name == "（保密）")
        #expect(ProblemRequester(phone: "0743-8221234").shown(to: [.dispatcher]).name == "（匿名）")
    }

    @Test func theTallyCountsRequestsApartAsSeed003Does() {
        var t = ProblemTally()
        (t.registered, t.requests, t.complaints, t.inquiries) = (60, 53, 20, 8)
        (t.requestsResolved, t.requestsOpen, t.resolved, t.assigned, t.requestsAssigned) = (50, 3, 52, 50, 48)
        #expect(t.problemsRegistered == 7 && t.helpRequests == 25 && t.problemsResolved == 2)
        #expect(t.requestsSentence == "受理投诉诉求咨询53件（投诉20件、诉求25件、咨询8件），办结50件，正在处理3件")
        var one = ProblemTally()
        (one.requests, one.complaints, one.requestsResolved) = (2, 2, 2)
        #expect(one.requestsSentence == "受理投诉诉求咨询2件，办结2件")
        #expect(ProblemTally().requestsSentence == nil)
    }

    /// The 问题清单's 问题类别 cell names the kind, and reads it back.
    @Test func theListsCategoryCellNamesTheKind() {
        #expect(ProblemList.categoryCell(kind: .complaint, label: "政务服务") == "投诉：政务服务")
        #expect(ProblemList.categoryCell(kind: .inquiry, label: nil) == "咨询")
        #expect(ProblemList.kindAndCategory(in: "投诉：政务服务") == (.complaint, "政务服务"))
        #expect(ProblemList.kindAndCategory(in: "诉求") == (.request, nil))
        #expect(ProblemList.kindAndCategory(in: "建议：困难求助") == (.suggestion, "困难求助"))
        #expect(ProblemList.kindAndCategory(in: "困难求助") == (.problem, "困难求助"))
    }
}
