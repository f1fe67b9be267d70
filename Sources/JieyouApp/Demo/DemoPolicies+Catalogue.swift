import Foundation
import JieyouDomain

extension DemoPolicies {
    /// The demo's policies: each draft, its eligibility rule (JSON), its 责任部门 and its unit.
    static func catalogue(province: UUID, gaoxin: UUID, departments: [String: UUID], today: LocalDate)
        -> [(PolicyDraft, String, UUID?, UUID)]
    {
        let economy = departments["gaoxin/经济发展局"]
        return [
            (
                PolicyDraft(
                    title: "长沙高新区支持企业设备更新和技术改造的若干措施", documentNumber: "长高新管发〔2024〕18号",
                    issuer: "长沙高新区管委会", level: "park", themes: ["两新", "设备更新", "数字化改造"],
                    summary: "对规上工业企业设备更新和技术改造项目按设备投资额的8%给予补贴；数字化智能化改造项目在基础标准上提高20%。",
                    validFrom: today.adding(days: -120).iso, validUntil: today.adding(days: 600).iso,
                    benefitKind: "subsidy", columns: ["两重两新"]),
                #"{"all":[{"field":"industry","op":"in","values":["C"]},{"field":"scale","op":"in","values":["规上"]}]}"#,
                economy, gaoxin
            ),
            (
                PolicyDraft(
                    title: "设备更新再贷款财政贴息政策", documentNumber: "湘财金〔2024〕12号", issuer: "湖南省财政厅",
                    level: "provincial", themes: ["两新", "设备更新", "融资"],
                    summary: "对使用设备更新再贷款的经营主体，按贷款本金的1.5%给予财政贴息，期限2年。",
                    validFrom: today.adding(days: -200).iso, validUntil: today.adding(days: 400).iso,
                    benefitKind: "loan", columns: ["两重两新"]),
                #"{"all":[{"field":"industry","op":"in","values":["制造业"]},{"any":[{"field":"scale","op":"in","values":["规上"]},{"field":"revenue","op":"atLeast","values":["2000"]}]}]}"#,
                nil, province
            ),
            (
                PolicyDraft(
                    title: "消费品以旧换新补贴实施细则", documentNumber: "湘商消〔2024〕9号", issuer: "湖南省商务厅",
                    level: "provincial", themes: ["两新", "以旧换新"],
                    summary: "参与家电、汽车以旧换新的销售企业，按销售额给予补贴，资金由企业代垫后申请清算。",
                    validFrom: today.adding(days: -90).iso, validUntil: today.adding(days: 40).iso,
                    benefitKind: "subsidy", columns: ["两重两新"]),
                #"{"all":[{"field":"industry","op":"in","values":["F"]}]}"#, nil, province
            ),
            (
                PolicyDraft(
                    title: "高新技术企业认定奖励（免申即享）", documentNumber: "长高新管发〔2024〕05号",
                    issuer: "长沙高新区管委会", level: "park", themes: ["科技创新", "人才"],
                    summary: "对新认定或重新认定的高新技术企业给予一次性奖励，无需企业申请，由园区依据认定名单直接兑现。",
                    validFrom: today.adding(days: -300).iso, benefitKind: "award", automatic: true,
                    columns: ["科技创新"]),
                #"{"all":[{"field":"tag","op":"hasAny","values":["高新技术企业"]},{"not":{"field":"whitelisted","op":"is","values":["是"]}}]}"#,
                departments["gaoxin/科技创新办公室"] ?? economy, gaoxin
            ),
            (
                PolicyDraft(
                    title: "增值税增量留抵退税政策", documentNumber: "财政部 税务总局公告2022年第14号",
                    issuer: "财政部 国家税务总局", level: "national", themes: ["税费"],
                    summary: "符合条件的制造业等行业企业，可按月向主管税务机关申请退还增量留抵税额。",
                    benefitKind: "reduction", sourceURL: "https://www.chinatax.gov.cn/"),
                #"{"all":[]}"#, nil, province
            ),
            (
                PolicyDraft(
                    title: "专精特新中小企业培育奖励", documentNumber: "长高新管发〔2024〕21号", issuer: "长沙高新区管委会",
                    level: "park", themes: ["科技创新"],
                    summary: "对成立3年以上、新获评省级专精特新中小企业或国家级专精特新“小巨人”企业给予奖励。",
                    validFrom: today.adding(days: -60).iso, benefitKind: "award", automatic: true,
                    columns: ["科技创新"]),
                #"{"all":[{"field":"tag","op":"hasAny","values":["专精特新","小巨人"]},{"field":"yearsRegistered","op":"atLeast","values":[3]}]}"#,
                economy, gaoxin
            ),
            (
                PolicyDraft(
                    title: "吸纳就业社会保险补贴", documentNumber: "长人社发〔2024〕7号", issuer: "长沙市人力资源和社会保障局",
                    level: "city", themes: ["稳岗就业"],
                    summary: "中小微企业新招用高校毕业生并缴纳社会保险的，按实际缴费额给予补贴。",
                    validFrom: today.adding(days: -150).iso, validUntil: today.adding(days: 210).iso,
                    benefitKind: "subsidy"),
                #"{"all":[{"field":"employees","op":"between","values":[10,300]},{"field":"scale","op":"in","values":["规下"]}]}"#,
                nil, gaoxin
            ),
        ]
    }
}
