import Foundation
import JieyouDomain
import Testing

@Suite struct ProblemAccessTests {
    // 长沙市 → 长沙高新区, 长沙市 → 望城经开区
    let city = UUID(), park = UUID(), otherPark = UUID()
    let lead = UUID(), co = UUID(), otherDepartment = UUID()
    let enterprise = UUID(), otherEnterprise = UUID()
    let reporter = UUID()

    var tree: OrgTree {
        OrgTree([
            .init(id: city, parentID: nil, level: .city, name: "长沙市"),
            .init(id: park, parentID: city, level: .park, name: "长沙高新区"),
            .init(id: otherPark, parentID: city, level: .park, name: "望城经开区"),
        ])
    }

    /// Every combination of one or two roles, at each unit, with and without a department or an
    /// enterprise, as the reporter or not.
    var actors: [Actor] {
        let roleSets: [Set<Role>] =
            Role.allCases.map { [$0] }
            + Role.allCases.flatMap { a in Role.allCases.filter { $0 > a }.map { [a, $0] } }
        var actors: [Actor] = []
        for roles in roleSets {
            for unit in [city, park, otherPark] {
                for department in [nil, lead, co, otherDepartment] {
                    for firm in [nil, enterprise, otherEnterprise] {
                        for user in [UUID(), reporter] {
                            actors.append(
                                Actor(
                                    userID: user, roles: roles, orgUnitID: unit, departmentID: department,
                                    enterpriseID: firm))
                        }
                    }
                }
            }
        }
        return actors
    }

    var problems: [ProblemAccess.Facts] {
        var problems: [ProblemAccess.Facts] = []
        for unit in [city, park, otherPark] {
            let assignments: [(UUID?, Set<UUID>)] = [(nil, []), (lead, []), (lead, [co])]
            for (leadDepartment, coDepartments) in assignments {
                for firm in [nil, enterprise] {
                    for reportedBy in [nil, reporter] {
                        problems.append(
                            .init(
                                orgUnit: unit, leadDepartment: leadDepartment, coDepartments: coDepartments,
                                enterprise: firm, reportedBy: reportedBy))
                    }
                }
            }
        }
        return problems
    }

    /// The single-record rule and the list's reach never disagree: a problem is in an actor's ledger
    /// exactly when its page opens for the actor. (A cadre stationed at the enterprise is always of
    /// the enterprise's subtree, so a liaison cadre is tried only there.)
    @Test func aProblemIsListedExactlyWhenItsPageOpens() {
        let tree = tree
        var checked = 0
        for actor in actors {
            let reach = ProblemAccess.reach(of: actor)
            for problem in problems {
                let listed = reach.contains { ProblemAccess.holds($0, for: problem, in: tree) }
                let inSubtree = tree.isWithin(problem.orgUnit, subtreeOf: actor.orgUnitID)
                for liaison in inSubtree && actor.has(.cadre) ? [false, true] : [false] {
                    let parties = ProblemAccess.parties(of: actor, toward: problem, isLiaisonCadre: liaison, in: tree)
                    #expect(listed == !parties.isEmpty, "\(actor.roles.sorted()) at \(actor.orgUnitID) \(problem)")
                    checked += 1
                }
            }
        }
        #expect(checked > 10_000)
    }

    /// Before this rule was one definition, a cadre listed a monitor's report with no enterprise in
    /// its subtree but its page answered 404.
    @Test func aCadreReadsAReportWithoutAnEnterpriseInItsSubtree() {
        let cadre = Actor(userID: UUID(), roles: [.cadre], orgUnitID: park)
        let report = ProblemAccess.Facts(
            orgUnit: park, leadDepartment: nil, coDepartments: [], enterprise: nil, reportedBy: reporter)
        #expect(ProblemAccess.parties(of: cadre, toward: report, isLiaisonCadre: false, in: tree) == [.reader])
    }

    @Test func eachRoleStandsToAProblemAsThePartyThatActs() {
        let problem = ProblemAccess.Facts(
            orgUnit: park, leadDepartment: lead, coDepartments: [co], enterprise: enterprise, reportedBy: reporter)
        func parties(_ roles: Set<Role>, at unit: UUID, department: UUID? = nil, firm: UUID? = nil, user: UUID = UUID())
            -> Set<ProblemParty>
        {
            let actor = Actor(userID: user, roles: roles, orgUnitID: unit, departmentID: department, enterpriseID: firm)
            return ProblemAccess.parties(of: actor, toward: problem, isLiaisonCadre: false, in: tree)
        }
        #expect(parties([.dispatcher], at: park) == [.dispatcher])
        #expect(parties([.dispatcher], at: city) == [.reader])
        #expect(parties([.dispatcher], at: otherPark).isEmpty)
        #expect(parties([.handler], at: park, department: lead) == [.leadHandler])
        #expect(parties([.handler], at: park, department: co) == [.coHandler])
        #expect(parties([.handler], at: park, department: otherDepartment).isEmpty)
        #expect(parties([.enterprise], at: park, firm: enterprise) == [.enterprise])
        #expect(parties([.enterprise], at: park, firm: otherEnterprise).isEmpty)
        #expect(parties([.leader], at: park) == [.leader])
        #expect(parties([.upper], at: city) == [.reader])
        #expect(parties([.upper], at: otherPark).isEmpty)
        #expect(parties([.monitor], at: park, user: reporter) == [.reportingMonitor])
        #expect(parties([.monitor], at: park).isEmpty)
    }

    @Test func onlySubmittersSubmit() {
        for role in Role.allCases {
            let actor = Actor(userID: UUID(), roles: [role], orgUnitID: park)
            #expect(ProblemAccess.maySubmit(actor) == [.dispatcher, .cadre, .enterprise, .monitor].contains(role))
        }
    }
}
