import Foundation
import Testing
import Tolok

/// A small made-up dataset: four districts in one province, one reference value each (or none),
/// using the shipped schemas, catalogue and mapping tables.
func syntheticDataset(indicator: String, values: [Double?]) throws -> Dataset {
    let folder = try temporaryFolder()
    let fm = FileManager.default
    try fm.copyItem(atPath: shippedDatasets + "/schemas", toPath: folder.appendingPathComponent("schemas").path)
    for file in ["indicators.csv", "indicator_mappings.csv", "programme_crosswalk.csv"] {
        try fm.copyItem(atPath: shippedDatasets + "/" + file, toPath: folder.appendingPathComponent(file).path)
    }
    var areas = "area_code,slug,name,level,kind,parent_code\n00,indonesia,Indonesia,nation,,\n99,provinsi-uji,Provinsi Uji,province,,00\n"
    var references = "id,area_code,indicator,year,value,unit,derived,vintage,source_id,location,note\n"
    for (i, value) in values.enumerated() {
        areas += "99\(i + 10),kab-uji-\(i),Kabupaten Uji \(i),district,kabupaten,99\n"
        if let value { references += "r\(i),99\(i + 10),\(indicator),2023,\(value),%,false,,s1,test,\n" }
    }
    let files: [String: String] = [
        "areas.csv": areas,
        "sources.csv": "source_id,document,title,type,year,publisher,area_code,note\ns1,test,Synthetic,BPS,2023,,,\n",
        "references.csv": references,
        "observations.csv": "id,district_code,year,period,revision,level,objective,indicator_label,unit,polarity,target,target_year,realisation,reported_capaian,source_id,location,page,printed,note\n",
        "budget.csv": "id,parent_id,district_code,year,stage,level,code,label,pagu,realisasi,reported_percent,source_id,location,page,printed,note\n",
        "relations.csv": "id,relation,result,operands,note\n",
    ]
    for (name, text) in files { try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
    let resources = ["areas", "sources", "references", "observations", "budget", "relations", "indicators", "indicator_mappings", "programme_crosswalk"]
        .map { "{\"name\": \"\($0.replacingOccurrences(of: "_", with: "-"))\", \"path\": \"\($0).csv\", \"schema\": \"schemas/\($0 == "observations" ? "observations" : $0).json\"}" }
    try "{\"resources\": [\(resources.joined(separator: ","))]}".write(to: folder.appendingPathComponent("datapackage.json"), atomically: true, encoding: .utf8)
    let result = DatasetLoader.load(directory: folder.path)
    #expect(!result.hasErrors, "\(result.diagnostics)")
    return try #require(result.dataset)
}

@Suite("Rankings and composite on synthetic data")
struct SyntheticTests {
    @Test func tiesAndMissingPositivePolarity() throws {
        // TPAK (higher is better): 5, 3, 3, missing → 1, 2, 2, then the missing one listed.
        let analysis = Analysis(try syntheticDataset(indicator: "tpak", values: [5, 3, 3, nil]))
        let entries = Rankings.compute(analysis.alignment, areas: analysis.areas, indicator: analysis.alignment.catalogue.byID["tpak"]!, year: 2023)
        #expect(entries.map(\.rank) == [1, 2, 2, nil])
        #expect(entries.map(\.district.code) == ["9910", "9911", "9912", "9913"])
        #expect(entries.allSatisfy { $0.rankedCount == 3 })
        #expect(entries.last?.note == "no value for this indicator")
    }

    @Test func tiesAndMissingNegativePolarity() throws {
        // TPT (lower is better): the same values rank the other way: 3, 3 share rank 1, 5 is 3rd.
        let analysis = Analysis(try syntheticDataset(indicator: "tpt", values: [5, 3, 3, nil]))
        let entries = Rankings.compute(analysis.alignment, areas: analysis.areas, indicator: analysis.alignment.catalogue.byID["tpt"]!, year: 2023)
        #expect(entries.map(\.rank) == [1, 1, 3, nil])
        #expect(entries.map(\.district.code) == ["9911", "9912", "9910", "9913"])
    }

    @Test func compositeRobustnessIsReproducibleWithASeed() throws {
        let dataset = try syntheticDataset(indicator: "tpak", values: [70, 60, 65, 50])
        let analysis = Analysis(dataset)
        let catalogue = analysis.alignment.catalogue
        let districts = analysis.areas.all.filter { $0.level == .district }
        let run = { (seed: UInt64) in
            Composite.compute(analysis.alignment, districts: districts, indicators: [catalogue.byID["tpak"]!, catalogue.byID["tpt"]!],
                              weights: [1, 1], draws: 200, seed: seed)
        }
        let a = run(7), b = run(7)
        #expect(a.map(\.medianRank) == b.map(\.medianRank))
        #expect(a.map(\.rankP5) == b.map(\.rankP5))
        #expect(a.map(\.rankP95) == b.map(\.rankP95))
        // One indicator with values: scores are its min–max normalisation, coverage half the weight.
        #expect(a.map(\.district.code) == ["9910", "9912", "9911", "9913"])
        #expect(a.map(\.score) == [1, 0.75, 0.5, 0])
        #expect(a.allSatisfy { $0.coverage == 0.5 })
    }
}
