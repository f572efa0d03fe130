import Foundation
import Testing
import Tolok

/// A made-up district for a test's own dataset.
struct SyntheticDistrict {
    var code: String
    var kind = "kabupaten"
    var province = "99"
    /// (indicator, year, value): reference figures of the district.
    var values: [(String, Int, Double)] = []
}

/// A test's own dataset in a fresh folder: the shipped schemas, catalogue and mapping tables;
/// the nation, the provinces `99` and `98` and the given districts; the districts', provinces' and
/// nation's figures as BPS references (August); `history` rows `area,province,from,to`.
func syntheticFolder(_ districts: [SyntheticDistrict], provinces: [String: [(String, Int, Double)]] = [:],
                     history: [String] = []) throws -> URL {
    let folder = try temporaryFolder()
    let fm = FileManager.default
    try fm.copyItem(atPath: shippedDatasets + "/schemas", toPath: folder.appendingPathComponent("schemas").path)
    for file in ["indicators.csv", "programme_crosswalk.csv", "vintages.csv"] {
        try fm.copyItem(atPath: shippedDatasets + "/" + file, toPath: folder.appendingPathComponent(file).path)
    }
    var areas = "area_code,slug,name,level,kind,parent_code,kemendagri_code,note\n00,indonesia,Indonesia,nation,,,,\n"
        + "98,provinsi-lama,Provinsi Lama,province,,00,,\n99,provinsi-uji,Provinsi Uji,province,,00,,\n"
    var references = "id,area_code,indicator,year,month,value,printed_decimals,unit,derived,vintage,source_id,location,note,excluded\n"
    var n = 0
    func reference(_ area: String, _ indicator: String, _ year: Int, _ value: Double) {
        n += 1
        references += "r\(n),\(area),\(indicator),\(year),8,\(value),,%,false,,s1,test,,\n"
    }
    for d in districts {
        areas += "\(d.code),\(d.kind == "kota" ? "kota" : "kab")-uji-\(d.code),\(d.kind == "kota" ? "Kota" : "Kabupaten") Uji \(d.code),district,\(d.kind),\(d.province),,\n"
        for (indicator, year, value) in d.values { reference(d.code, indicator, year, value) }
    }
    for (area, values) in provinces.sorted(by: { $0.key < $1.key }) {
        for (indicator, year, value) in values { reference(area, indicator, year, value) }
    }
    let files: [String: String] = [
        "areas.csv": areas,
        "revisions.csv": "source_id,revision,rank,note\n",
        "province_history.csv": "area_code,province_code,from_year,to_year,note\n" + history.map { $0 + ",\n" }.joined(),
        "sources.csv": "source_id,document,title,type,year,publisher,area_code,note,priority\ns1,test,Synthetic,BPS,2023,,,,\n",
        "references.csv": references,
        "observations.csv": "id,district_code,year,period,revision,level,objective,indicator_label,unit,polarity,target,target_year,realisation,reported_capaian,source_id,location,page,printed,note\n",
        "budget.csv": "id,parent_id,district_code,year,stage,level,code,label,pagu,realisasi,reported_percent,source_id,location,page,printed,note\n",
        "relations.csv": "id,relation,result,operands,note\n",
        "indicator_mappings.csv": try String(contentsOfFile: shippedDatasets + "/indicator_mappings.csv", encoding: .utf8)
            .split(separator: "\n")[0] + "\n",
    ]
    for (name, text) in files { try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
    let resources = ["areas", "province_history", "vintages", "revisions", "sources", "references", "observations", "budget", "relations",
                     "indicators", "indicator_mappings", "programme_crosswalk"]
        .map { "{\"name\": \"\($0.replacingOccurrences(of: "_", with: "-"))\", \"path\": \"\($0).csv\", \"schema\": \"schemas/\($0).json\"}" }
    try "{\"resources\": [\(resources.joined(separator: ","))]}".write(to: folder.appendingPathComponent("datapackage.json"), atomically: true, encoding: .utf8)
    return folder
}

/// ``syntheticFolder(_:provinces:history:)`` loaded (and expected clean).
func syntheticDataset(_ districts: [SyntheticDistrict], provinces: [String: [(String, Int, Double)]] = [:],
                      history: [String] = []) throws -> Dataset {
    let result = DatasetLoader.load(directory: try syntheticFolder(districts, provinces: provinces, history: history).path)
    let errors = result.diagnostics.filter { $0.severity == .error }
    #expect(errors.isEmpty, "\(errors)")
    return try #require(result.dataset)
}

/// Districts 9910, 9911, … of province 99 with one value each (`nil`: none) of `indicator` in 2023.
func syntheticDataset(indicator: String, values: [Double?]) throws -> Dataset {
    try syntheticDataset(values.enumerated().map { i, v in
        SyntheticDistrict(code: "99\(i + 10)", values: v.map { [(indicator, 2023, $0)] } ?? [])
    })
}
