import Foundation
import Testing

@testable import JieyouDomain

/// Where an issued report goes, and how it stands against its due day.
@Suite struct ReportDeliveryTests {
    let province = UUID()
    let city = UUID()
    let county = UUID()
    let park = UUID()

    var tree: OrgTree {
        OrgTree([
            .init(id: province, parentID: nil, level: .province, name: "湖南省"),
            .init(id: city, parentID: province, level: .city, name: "长沙市"),
            .init(id: county, parentID: city, level: .county, name: "岳麓区"),
            .init(id: park, parentID: county, level: .park, name: "长沙高新区"),
        ])
    }

    @Test func aReportGoesToTheNearestUnitAboveWithATaskForce() {
        // The county has nobody: the park's report goes past it to the city.
        #expect(ReportDelivery.receiver(of: park, in: tree, staffed: [city, park, province]) == city)
        #expect(ReportDelivery.receiver(of: park, in: tree, staffed: [county, city]) == county)
        // Its own task force is not where it reports; the top reports to nobody.
        #expect(ReportDelivery.receiver(of: park, in: tree, staffed: [park]) == nil)
        #expect(ReportDelivery.receiver(of: province, in: tree, staffed: [province]) == nil)
    }

    @Test func aReportIsLateOnlyAfterItsDueDay() {
        let due = LocalDate(iso: "2026-12-09")!
        #expect(ReportDelivery.status(dueOn: due, issuedOn: LocalDate(iso: "2026-12-09")) == .onTime)
        #expect(ReportDelivery.status(dueOn: due, issuedOn: LocalDate(iso: "2026-12-10")) == .late)
        #expect(ReportDelivery.status(dueOn: due, issuedOn: nil) == .missing)
    }

    @Test func theLastDuePeriodIsTheOneWhoseDueDayHasPassed() {
        // On 12-10 the 11月下旬 report (due 12-09) is the last one due; on 12-09 it is not yet late,
        // so the last one due is 11月中旬's (due 11-29 or the working day the calendar names).
        let tenth = ReportDelivery.lastDue(.tenDay, before: LocalDate(iso: "2026-12-10")!)
        #expect(tenth.key == "tenDay-2026-11-3")
        let ninth = ReportDelivery.lastDue(.tenDay, before: LocalDate(iso: "2026-12-09")!)
        #expect(ninth.key == "tenDay-2026-11-2")
        // A 周调度 is due on its Thursday: on that Thursday the week before is the last one due.
        let thursday = ReportDelivery.lastDue(.week, before: LocalDate(iso: "2026-12-03")!)
        #expect(thursday.key == "week-2026-11-26")
        #expect(ReportDelivery.lastDue(.week, before: LocalDate(iso: "2026-12-04")!).key == "week-2026-12-03")
    }
}
