//! The livelihood list (民生实事) of every sub-national corpus report against
//! the hand-checked answers in `../shared/gold/reports-dev/`: the list, its
//! size, its first item — and no list where the report only mentions one.

mod common;

#[test]
fn livelihood_lists_match_the_gold() {
    let Some(gold) = common::gold("livelihood_lists_match_the_gold") else { return };
    let Some(corpus) = common::corpus("livelihood_lists_match_the_gold") else { return };
    let mut files: Vec<_> =
        std::fs::read_dir(gold.join("reports-dev")).unwrap().filter_map(|e| e.ok()).map(|e| e.path()).collect();
    files.sort();
    let mut failures = Vec::new();
    let mut with_list = 0;
    for path in files {
        let g: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let stem = path.file_stem().unwrap().to_string_lossy().to_string();
        let r = baogao::parse(&std::fs::read_to_string(corpus.join(format!("{stem}.txt"))).unwrap());
        let lists: Vec<_> = r.lists.iter().filter(|l| l.livelihood).collect();
        let want = &g["livelihood_projects"];
        if want.is_null() {
            if !lists.is_empty() {
                failures.push(format!("{stem}: no livelihood list expected, found {}", lists.len()));
            }
            continue;
        }
        with_list += 1;
        let count = want["count"].as_u64().unwrap() as usize;
        let first = want["first_item_quote"].as_str().unwrap();
        match lists.as_slice() {
            [l] => {
                if l.items.len() != count {
                    failures.push(format!("{stem}: {} items, want {count}", l.items.len()));
                }
                if l.declared_count.is_some_and(|d| d as usize != count) {
                    failures.push(format!("{stem}: declared {:?}, want {count}", l.declared_count));
                }
                if !l.items[0].text.starts_with(first) {
                    failures.push(format!("{stem}: first item {:?}, want it to start with {first:?}", l.items[0].text));
                }
                let ordinals: Vec<u32> = l.items.iter().map(|i| i.ordinal).collect();
                assert_eq!(ordinals, (1..=count as u32).collect::<Vec<_>>(), "{stem}");
            }
            other => failures.push(format!("{stem}: {} livelihood lists, want 1", other.len())),
        }
    }
    println!("{with_list} reports with a livelihood list checked");
    assert!(with_list >= 5);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
