import Foundation
import JieyouDomain
import Testing

/// The time limits in force in a unit: shipped defaults, each unit's own settings from the top down,
/// and sub-categories with limits of their own.
@Suite struct ProblemTimeLimitsTests {
    let province = ProblemTimeLimits.Overrides(signDays: 2, resolveDays: ["hardship": 7, "opening": 15])
    let park = ProblemTimeLimits.Overrides(acceptDays: 2, resolveDays: ["hardship": 3])
    let power = ProblemCategory(
        code: "governmentService.a1b2c3", name: "用电报装", resolveDays: 4, parentCode: "governmentService",
        orgUnitID: UUID())
    let permits = ProblemCategory(
        code: "governmentService.d4e5f6", name: "施工许可", resolveDays: 8, parentCode: "governmentService",
        orgUnitID: UUID())

    @Test func theShippedDefaultsFollowTheSpecification() {
        let limits = ProblemTimeLimits.inForce(lineage: [], subCategories: [])
        #expect(limits.acceptDays == 1 && limits.signDays == 1 && limits.revisitDays == 3)
        #expect(limits.resolveDays(for: "hardship") == 5 && limits.resolveDays(for: "governmentService") == 5)
        #expect(limits.resolveDays(for: "enforcement") == 10 && limits.resolveDays(for: nil) == 10)
    }

    @Test func theNearestUnitsSettingWins() {
        let limits = ProblemTimeLimits.inForce(lineage: [province, park], subCategories: [])
        #expect(limits.acceptDays == 2)  // the park's
        #expect(limits.signDays == 2)  // the province's, which the park left alone
        #expect(limits.revisitDays == 3)  // shipped
        #expect(limits.resolveDays(for: "hardship") == 3)
        #expect(limits.resolveDays(for: "opening") == 15)
        #expect(limits.resolveDays(for: "enforcement") == 10)
        // The province alone, as its other parks see it.
        #expect(ProblemTimeLimits.inForce(lineage: [province], subCategories: []).resolveDays(for: "hardship") == 7)
    }

    @Test func aSubCategoryKeepsItsOwnLimitOrTakesItsParents() {
        let lowered = ProblemTimeLimits.Overrides(resolveDays: ["governmentService": 2])
        let limits = ProblemTimeLimits.inForce(lineage: [lowered], subCategories: [power])
        #expect(limits.resolveDays(for: power.code) == 4)
        // A sub-category the unit does not know of (another park's) follows its parent here.
        #expect(limits.resolveDays(for: permits.code) == 2)
        #expect(ProblemCategory.topCode(of: power.code) == "governmentService")
        #expect(ProblemCategory.topCode(of: "hardship") == "hardship")
    }

    @Test func settingsRoundTripAndBadRowsAreIgnored() {
        let overrides = ProblemTimeLimits.Overrides(
            acceptDays: 2, revisitDays: 5, resolveDays: ["hardship": 3, "opening": 20])
        #expect(ProblemTimeLimits.Overrides(settings: overrides.settings) == overrides)
        #expect(overrides.settings["limits.resolve.hardship"] == "3")
        let read = ProblemTimeLimits.Overrides(settings: [
            "limits.acceptDays": "0", "limits.signDays": "x", "limits.resolve.nope": "3",
            "limits.resolve.governmentService.a1b2c3": "4", "overdueWebhook": "https://example.cn",
            "limits.revisitDays": "4",
        ])
        #expect(read == ProblemTimeLimits.Overrides(revisitDays: 4))
    }

    @Test func typedLimitsAreCheckedAndEveryBadOneIsNamed() throws {
        let good = try ProblemTimeLimits.Overrides.parse([
            "acceptDays": " 2 ", "signDays": "", "resolveDays.hardship": "3", "resolveDays.opening": "",
        ]).get()
        #expect(good == ProblemTimeLimits.Overrides(acceptDays: 2, resolveDays: ["hardship": 3]))
        guard
            case .failure(let failure) = ProblemTimeLimits.Overrides.parse([
                "acceptDays": "0", "revisitDays": "三", "resolveDays.governmentService": "61",
            ])
        else {
            Issue.record("bad limits were accepted")
            return
        }
        #expect(failure.errors.map(\.field) == ["acceptDays", "revisitDays", "resolveDays.governmentService"])
        #expect(failure.errors[0].message == "受理时限应为1至60之间的整数（工作日），留空则沿用上级设置")
        #expect(failure.errors[2].message.hasPrefix("“政务服务”办理时限应为1至60"))
        let subLimit = ProblemTimeLimits.Overrides(resolveDays: ["governmentService.a1b2c3": 4]).problems()
        #expect(subLimit.map(\.field) == ["resolveDays.governmentService.a1b2c3"])
    }

    @Test func theWorkflowCountsTheUnitsLimits() throws {
        let limits = ProblemTimeLimits.inForce(lineage: [park], subCategories: [power])
        let workflow = ProblemWorkflow(calendar: .shipped, limits: limits)
        // From Friday 2024-09-27 the working days are 09-29 (a Sunday worked for National Day), 09-30,
        // then 10-08 after the holiday.
        let friday = LocalDate(iso: "2024-09-27")!
        #expect(workflow.acceptBy(submittedOn: friday) == LocalDate(iso: "2024-09-30"))
        var p = ProblemSnapshot(state: .accepted, kind: .problem)
        p.categoryCode = power.code
        guard
            case .success(let assigned) = workflow.apply(
                .assign(lead: UUID(), co: [], deadline: nil), to: p, by: [.dispatcher], on: friday)
        else {
            Issue.record("assign refused")
            return
        }
        // The sub-category's four working days: 09-29, 09-30, 10-08, 10-09.
        #expect(assigned.deadline == LocalDate(iso: "2024-10-09"))
    }
}
