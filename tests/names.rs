//! Persons found by the shape of their names: where a name starts, where it ends, and which
//! words are no names at all. Sentences of our own, tagged PERS/LOC/ORG token by token.

use newsgraph::tag::{plain_sentences, tag_sentences};
use newsgraph::Pipeline;

/// The tokens tagged as persons, one string per name.
fn persons(p: &Pipeline, text: &str) -> Vec<String> {
    let sentences = plain_sentences(text);
    let tags = tag_sentences(p, &sentences);
    let mut out = Vec::new();
    for (s, t) in sentences.iter().zip(&tags) {
        for (tok, tag) in s.iter().zip(t) {
            match *tag {
                "B-PERS" => out.push(tok.clone()),
                "I-PERS" => {
                    let last = out.last_mut().expect("I- follows B-");
                    last.push(' ');
                    last.push_str(tok);
                }
                _ => {}
            }
        }
    }
    out
}

#[test]
fn a_name_ends_before_a_verb_or_a_preposition_with_its_noun() {
    let p = Pipeline::builtin().unwrap();
    assert_eq!(
        persons(&p, "وكان صالح حسين يشرف على المشروع منذ بدايته."),
        ["صالح حسين"]
    );
    assert_eq!(
        persons(&p, "وفاز سامي يوسف بتغلبه على منافسه في الدور الثاني."),
        ["سامي يوسف"]
    );
    assert_eq!(
        persons(&p, "وحضر خالد منصور لإلقاء كلمة الافتتاح."),
        ["خالد منصور"]
    );
    // a kunya belongs to the name
    assert_eq!(
        persons(&p, "وأعلن أبو مصعب الزرقاوي مسؤوليته عن الهجوم."),
        ["أبو مصعب الزرقاوي"]
    );
    // الله closes a compound name part
    assert_eq!(
        persons(&p, "وصرح الوزير عطاء الله مهاجراني للصحفيين."),
        ["عطاء الله مهاجراني"]
    );
}

#[test]
fn ali_typed_for_the_preposition_is_no_name() {
    let p = Pipeline::builtin().unwrap();
    // علي written for على before a noun
    assert!(persons(&p, "ووافق المجلس علي إصدار سندات جديدة.").is_empty());
    assert!(persons(&p, "وينعكس ذلك علي شعوبنا مباشرة.").is_empty());
    // and the name before another name part
    assert_eq!(
        persons(&p, "واستقبل الوزير علي بن حسن في مكتبه."),
        ["علي بن حسن"]
    );
}

#[test]
fn a_name_after_a_nationality_needs_no_known_given_name() {
    let p = Pipeline::builtin().unwrap();
    assert_eq!(
        persons(
            &p,
            "وسجل البرازيلي جوكا ماروتي هدف الفوز في الدقيقة الأخيرة."
        ),
        ["جوكا ماروتي"]
    );
    // the family name alone later in the text is the same person
    assert_eq!(
        persons(
            &p,
            "وسجل البرازيلي جوكا ماروتي هدف الفوز. وقال ماروتي بعد المباراة إن الفريق يستحق."
        ),
        ["جوكا ماروتي", "ماروتي"]
    );
    // a clause after the adjective is no name
    assert!(persons(&p, "وطالب بدعم الشعب الفلسطيني وتعزيز صموده.").is_empty());
    // a feminine adjective agrees with the noun before it
    assert!(persons(&p, "وتقدمت القوات اليمنية مدعومة بضربات جوية.").is_empty());
}

#[test]
fn a_family_name_comes_back_only_with_the_article_it_was_written_with() {
    let p = Pipeline::builtin().unwrap();
    assert_eq!(
        persons(
            &p,
            "وأنشد المغني يوسف إسلام أغنية جديدة. وتحدث عن اعتناقه الإسلام قبل سنوات. وقال إسلام إنه سعيد."
        ),
        ["يوسف إسلام", "إسلام"]
    );
}

#[test]
fn a_name_after_a_verb_of_saying() {
    let p = Pipeline::builtin().unwrap();
    assert_eq!(
        persons(&p, "وأوضح كوستيلو أن الفريق سيعود أقوى."),
        ["كوستيلو"]
    );
    // a common word after the verb is no name
    assert!(persons(&p, "وقال مسؤول إن الاجتماع انتهى.").is_empty());
    // nor how it was said
    assert!(persons(&p, "وقال صراحة إن الاتفاق انتهى.").is_empty());
    assert!(persons(&p, "وقال بحسرة إن الفرصة ضاعت.").is_empty());
}

#[test]
fn a_ruler_named_by_one_word_and_a_regnal_number() {
    let p = Pipeline::builtin().unwrap();
    assert_eq!(
        persons(&p, "وافتتح الملك الحسن الثاني المسجد عام 1993."),
        ["الحسن الثاني"]
    );
    assert_eq!(
        persons(&p, "وتحدث الشيخ الخطابي إلى المصلين بعد الصلاة."),
        ["الخطابي"]
    );
    // الأمام ("the front") normalises like الإمام: no title there
    assert!(persons(&p, "وتبدو السيارة من الأمام أنيقة بمصابيحها الجديدة.").is_empty());
    // an adjective after the title is no name
    assert!(persons(&p, "وهنأ الشعب الملك المفدى بالعيد.").is_empty());
}

#[test]
fn a_given_name_written_with_the_conjunction_is_named_without_it() {
    // و + وديع, و + وائل: the conjunction goes, the given name's own و stays, in the id, the
    // label and the aliases alike; a given name that starts like a proclitic keeps it in the
    // label too; a name of the dictionary is found as before
    let p = Pipeline::builtin().unwrap();
    let g = p.build_page(
        "حفل خيري في بيروت\nأحيا المطرب وديع الصافي حفلا خيريا في بيروت، وشارك فيه حسام \
         الحلبي ووائل كفوري، وحضره وليد جنبلاط وكميل حداد.\nوقال منظمو الحفل إن ووديع الصافي \
         غنى ثلاث أغنيات.\n",
        "concert",
    );
    let persons: Vec<(String, String, Vec<String>)> = g
        .nodes()
        .into_iter()
        .filter(|n| n.kind == "person")
        .map(|n| {
            (
                n.id.clone(),
                n.label.clone(),
                n.aliases.iter().cloned().collect(),
            )
        })
        .collect();
    let find = |id: &str| {
        persons
            .iter()
            .find(|(i, _, _)| i == id)
            .unwrap_or_else(|| panic!("no {id} in {persons:?}"))
    };
    let (_, label, aliases) = find("person:وائل-كفوري");
    assert_eq!(
        (label.as_str(), aliases.as_slice()),
        ("وائل كفوري", &["وائل كفوري".to_string()][..])
    );
    let (_, label, aliases) = find("person:وديع-الصافي");
    assert_eq!(label, "وديع الصافي");
    assert!(aliases.iter().all(|a| !a.starts_with("وو")), "{aliases:?}");
    find("person:walid-jumblatt");
    // كميل is a given name, not ك + a word of the lexicon: its label keeps the ك
    let (_, label, _) = find("person:كميل-حداد");
    assert_eq!(label, "كميل حداد");
    assert!(
        persons
            .iter()
            .all(|(id, _, _)| !id.starts_with("person:ائل") && !id.starts_with("person:ديع")),
        "{persons:?}"
    );
}

#[test]
fn a_title_inside_the_name_of_an_institution_names_no_person() {
    let p = Pipeline::builtin().unwrap();
    let page = "حادث سير\nنقل المصابون إلى مستشفى الملك فهد التخصصي في تبوك، وقال الملك سلمان بن \
                عبد العزيز إن الحكومة تتابع حالتهم.\n";
    let persons = person_ids(&p, page, "hospital");
    // the king of the second sentence is found, the one of the hospital's name is no one
    assert!(
        persons.iter().any(|id| id.contains("salman")),
        "{persons:?}"
    );
    assert!(
        persons
            .iter()
            .all(|id| !id.contains("فهد") && !id.contains("fahd")),
        "{persons:?}"
    );
    let g = p.build_page(page, "hospital");
    assert!(
        g.nodes().iter().any(|n| n.id.contains("مستشفي")),
        "the hospital is an organization"
    );
}

#[test]
fn a_person_named_first_by_the_family_name_is_labelled_by_the_full_name() {
    // the family name comes before the full name (as a headline or a question may have it):
    // the person's label is the name in full, not the part told first
    let p = Pipeline::builtin().unwrap();
    let g = p.build_page(
        "لجنة الانضباط\nوقال الحربي إن اللجنة ستجتمع الأسبوع المقبل. وأكد رئيس اللجنة سامي \
         الحربي أن قراراتها نهائية.\n",
        "committee",
    );
    let person = g
        .nodes()
        .into_iter()
        .find(|n| n.id == "person:سامي-الحربي")
        .expect("the person is found");
    assert_eq!(person.label, "سامي الحربي");
    assert_eq!(
        person.aliases.iter().collect::<Vec<_>>(),
        ["الحربي", "سامي الحربي"]
    );
}

#[test]
fn an_institution_found_by_its_shape_is_one_whatever_the_word_before_it() {
    // للهيئة (ل + الهيئة, the alef elided), بالهيئة, والهيئة and الهيئة are one body
    let p = Pipeline::builtin().unwrap();
    let g = p.build_page(
        "تقرير الهيئة\nأصدرت الهيئة العامة للمساحة تقريرها السنوي. وأوضح التقرير أن للهيئة \
         العامة للمساحة خططا جديدة. وأشاد الوزير بالهيئة العامة للمساحة. والهيئة العامة \
         للمساحة جهة حكومية.\n",
        "survey",
    );
    let bodies: Vec<(String, String, usize)> = g
        .nodes()
        .into_iter()
        .filter(|n| n.kind == "organization")
        .map(|n| (n.id.clone(), n.label.clone(), n.mentions))
        .collect();
    assert_eq!(
        bodies,
        [(
            "organization:الهيئه-العامه-للمساحه".to_string(),
            "الهيئة العامة للمساحة".to_string(),
            4
        )],
        "{bodies:?}"
    );
}

#[test]
fn allah_in_a_name_and_in_a_formula() {
    let p = Pipeline::builtin().unwrap();
    // عبد الله inside a longer name, after بن or a kunya
    assert_eq!(
        persons(
            &p,
            "وأعفى الملك سلمان الأمير مشعل بن عبد الله بن عبد العزيز من إمارة منطقة مكة المكرمة."
        ),
        ["سلمان", "مشعل بن عبد الله بن عبد العزيز"]
    );
    assert_eq!(
        persons(&p, "وقال أبو عبد الله إن الطريق مقطوع."),
        ["أبو عبد الله"]
    );
    // الملك after عبد is part of the name, and الشيخ after آل the family's name
    assert_eq!(
        persons(
            &p,
            "وقال الشيخ عبد اللطيف بن عبد العزيز آل الشيخ إن الهيئة تعمل بنظامها."
        ),
        ["عبد اللطيف بن عبد العزيز آل الشيخ"]
    );
    assert_eq!(
        persons(&p, "وأعلن محمد بن عبد الملك موافقته."),
        ["محمد بن عبد الملك"]
    );
    // a religious formula names nobody
    assert!(persons(&p, "ووصل رئيس الدولة حفظه الله إلى الرياض أمس.").is_empty());
    assert!(persons(&p, "وقال الله تعالى في كتابه العزيز.").is_empty());
}

#[test]
fn ala_with_its_conjunction_and_a_detached_li_are_no_names() {
    let p = Pipeline::builtin().unwrap();
    // وعلى is و + على ("and on"), written with ى; وعلي in a list of names is Ali
    assert!(persons(&p, "وانتشر الجنود في الأزقة وعلى أسطح المباني.").is_empty());
    assert_eq!(
        persons(&p, "وغاب عن الفريق محمود كهربا، وعلي جبر، وأحمد فتحي."),
        // (tokens as written: the conjunction stays on its word)
        ["محمود كهربا", "وعلي جبر", "وأحمد فتحي"]
    );
    // لـ written apart ends the name before it
    assert_eq!(
        persons(&p, "وقال سامي يوسف لـ«الشرق الأوسط» إن الموسم صعب."),
        ["سامي يوسف"]
    );
}

/// The ids of the persons of a page's graph, sorted.
fn person_ids(p: &Pipeline, page: &str, doc: &str) -> Vec<String> {
    let g = p.build_page(page, doc);
    let mut ids: Vec<String> = g
        .nodes()
        .into_iter()
        .filter(|n| n.kind == "person")
        .map(|n| n.id.clone())
        .collect();
    ids.sort();
    ids
}

/// The roles of a page's graph, `person role of` a line, sorted.
fn roles(p: &Pipeline, page: &str) -> Vec<String> {
    let g = p.build_page(page, "p");
    let v = serde_json::to_value(newsgraph::export::json::JsonGraph::from_graph(&g)).unwrap();
    let mut roles: Vec<String> = v["links"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["relation"] == "role")
        .map(|l| format!("{} {} {}", l["source"], l["role"], l["target"]).replace('"', ""))
        .collect();
    roles.sort();
    roles
}

#[test]
fn a_given_name_after_a_title_is_the_holder_and_never_a_son_named_after_him() {
    let p = Pipeline::builtin().unwrap();
    let page = "عنوان\nتاريخ النشر: 30 يوليو 2015\nاستقبل ولي ولي العهد الأمير محمد بن سلمان \
                الوزير أمس. وقال الرئيس السيسي إنه يدعو خادم الحرمين الشريفين الملك سلمان إلى \
                زيارة مصر.\n";
    let persons = person_ids(&p, page, "p");
    // الملك سلمان on that day is King Salman (roles.tsv), not his son محمد بن سلمان
    assert_eq!(
        persons,
        [
            "person:abdel-fattah-el-sisi",
            "person:mohammed-bin-salman",
            "person:salman-bin-abdulaziz-al-saud"
        ]
    );
}

#[test]
fn the_word_an_office_heads_is_no_name() {
    let p = Pipeline::builtin().unwrap();
    // رئيس تحرير, مدير جوازات: an office and what it heads, not a title and a name
    assert!(persons(&p, "وقال رئيس تحرير الصحيفة إن العدد نفد.").is_empty());
    assert!(persons(&p, "وأكد مدير جوازات المنطقة أن العمل مستمر.").is_empty());
    // a word with a pronoun after a title is no name either
    assert!(persons(&p, "وقال المتحدث إن الوزير جعله أولوية.").is_empty());
    // a given name after the title still is
    assert_eq!(
        persons(&p, "وقال الرئيس عبد ربه منصور هادي إن الحرب ستنتهي."),
        ["عبد ربه منصور هادي"]
    );
}

#[test]
fn one_word_no_earlier_name_and_no_given_name_is_no_person() {
    let p = Pipeline::builtin().unwrap();
    let page = "عنوان\nوأكد المدرب ستيفانو بيولي أن اللاعبين جاهزون للمباراة. وقال بيولي \
                مستطردا إن الفريق ثمار عمل طويل.\n";
    let g = p.build_page(page, "p");
    let persons: Vec<(String, Vec<String>)> = g
        .nodes()
        .into_iter()
        .filter(|n| n.kind == "person")
        .map(|n| (n.label.clone(), n.aliases.iter().cloned().collect()))
        .collect();
    // بيولي alone is the Pioli named in full before; ثمار (after الفريق, "the team") is no one
    assert_eq!(
        persons,
        [(
            "ستيفانو بيولي".to_string(),
            vec!["بيولي".to_string(), "ستيفانو بيولي".to_string()]
        )]
    );
}

#[test]
fn a_noun_with_a_possessive_pronoun_ends_the_name_before_it() {
    let p = Pipeline::builtin().unwrap();
    assert_eq!(
        persons(&p, "وروت الفنانة فاتن حمامة مذكراتها في كتاب."),
        ["فاتن حمامة"]
    );
    assert_eq!(
        persons(&p, "وقال المدرب حسن شحاتة إن الفريق جاهز."),
        ["حسن شحاتة"]
    );
}

#[test]
fn a_title_before_an_event_word_names_nobody_after_it() {
    // خادم الحرمين الشريفين receives the calls; the caller named after من is not the king
    let p = Pipeline::builtin().unwrap();
    let page = "عنوان\nتاريخ النشر: 10 مايو 2016\nوتلقى خادم الحرمين الشريفين الاتصالات من الشيخ \
                عبد الله بن زايد آل نهيان وزير الخارجية الإماراتي.\n";
    let roles = roles(&p, page);
    assert!(
        roles.contains(
            &"person:abdullah-bin-zayed-al-nahyan foreign minister country:united-arab-emirates"
                .to_string()
        ),
        "{roles:?}"
    );
    assert!(
        !roles
            .iter()
            .any(|r| r.starts_with("person:abdullah-bin-zayed-al-nahyan king")),
        "{roles:?}"
    );
}

#[test]
fn the_deputy_of_an_office_holder_does_not_hold_the_office() {
    // Liu Yandong was a vice premier of China in 2015, never its premier
    let p = Pipeline::builtin().unwrap();
    let page = "عنوان\nتاريخ النشر: 20 يوليو 2015\nوقالت نائبة رئيس الوزراء الصيني ليو ياندونغ إن \
                التعاون مهم.\n";
    let g = p.build_page(page, "p");
    let v = serde_json::to_value(newsgraph::export::json::JsonGraph::from_graph(&g)).unwrap();
    let nodes = v["nodes"].as_array().unwrap();
    let liu = nodes
        .iter()
        .find(|n| {
            n["kind"] == "person" && n["label"].as_str().is_some_and(|l| l.contains("ياندونغ"))
        })
        .unwrap_or_else(|| panic!("no person Liu Yandong in {nodes:?}"));
    let roles: Vec<&serde_json::Value> = v["links"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["relation"] == "role" && l["source"] == liu["id"])
        .collect();
    assert!(roles.is_empty(), "{roles:?}");
}

#[test]
fn a_given_name_written_with_al_after_a_title_names_the_holder() {
    // ألكسيس (Alexis) starts with the letters of the article; the title still names him
    let p = Pipeline::builtin().unwrap();
    let page = "عنوان\nتاريخ النشر: 10 يوليو 2015\nوقال رئيس الوزراء اليوناني ألكسيس تسيبراس إن \
                الاتفاق ممكن.\n";
    let roles = roles(&p, page);
    assert_eq!(
        roles,
        ["person:الكسيس-تسيبراس prime minister country:greece"],
        "{roles:?}"
    );
}

#[test]
fn an_office_after_a_name_is_that_persons() {
    let p = Pipeline::builtin().unwrap();
    // (why, page, the roles of its graph)
    let cases = [
        (
            // Rashid bin Abdullah Al Khalifa, a lieutenant general, was Bahrain's interior
            // minister: the rank with الركن is a title, and the office follows the name
            "a military rank with الركن",
            "عنوان\nتاريخ النشر: 10 يوليو 2015\nوقال الفريق الركن راشد بن عبد الله آل خليفة وزير \
             الداخلية بمملكة البحرين إن الوضع مستقر.\n",
            "person:راشد-بن-عبد-الله-ال-خليفه interior minister country:bahrain",
        ),
        (
            // Ismail Ould Cheikh Ahmed was the UN envoy for Yemen in 2016; the name extractor
            // finds him after the title extractor has run; الأممي is the UN's
            "a name found by its shape, an organization's adjective",
            "عنوان\nتاريخ النشر: 10 مايو 2016\nوأكد إسماعيل ولد الشيخ أحمد، المبعوث الأممي إلى \
             اليمن، أن مشاورات الكويت ستستأنف.\n",
            "person:اسماعيل-ولد-الشيخ-احمد envoy organization:united-nations",
        ),
        (
            // Badr Abdelatty, an ambassador, was the spokesman of Egypt's foreign ministry in
            // 2015: the office set off after the name counts, not only the first title
            "a second office after the name",
            "عنوان\nتاريخ النشر: 10 أغسطس 2015\nوصرح السفير بدر عبد العاطي، المتحدث باسم وزارة \
             الخارجية المصرية، أن المشاورات مستمرة.\n",
            "person:badr-abdelatty spokesperson organization:egyptian-foreign-ministry",
        ),
    ];
    for (why, page, want) in cases {
        assert_eq!(roles(&p, page), [want], "{why}");
    }
    // a title after one name and before another names the second (دعا الرئيس هادي، المبعوث
    // الأممي … إسماعيل ولد الشيخ أحمد): Hadi is no envoy
    let page = "عنوان\nتاريخ النشر: 10 أغسطس 2015\nودعا الرئيس اليمني عبد ربه منصور هادي، المبعوث \
                الأممي إلى اليمن إسماعيل ولد الشيخ أحمد، إلى زيارة عدن.\n";
    assert_eq!(
        roles(&p, page),
        [
            "person:abdrabbuh-mansur-hadi president country:yemen",
            "person:اسماعيل-ولد-الشيخ-احمد envoy organization:united-nations"
        ]
    );
}

#[test]
fn the_fathers_name_inside_a_known_persons_name_is_no_other_person() {
    // أنور بن محمد قرقاش is Anwar Gargash with his father's name, not a Mohammed Gargash
    let p = Pipeline::builtin().unwrap();
    let page = "عنوان\nتاريخ النشر: 10 مايو 2016\nوقال الدكتور أنور بن محمد قرقاش، وزير الدولة \
                للشؤون الخارجية في الإمارات، إن الحل سياسي.\n";
    assert_eq!(person_ids(&p, page, "p"), ["person:anwar-gargash"]);
}

#[test]
fn a_word_with_tanween_ends_a_name() {
    let p = Pipeline::builtin().unwrap();
    assert_eq!(
        persons(&p, "وبدا جورج مينديز سعيدًا بعد توقيع العقد."),
        ["جورج مينديز"]
    );
    assert_eq!(
        persons(&p, "ووقف رجب طيب أردوغان مخاطبًا أنصاره في إسطنبول."),
        ["رجب طيب أردوغان"]
    );
}

#[test]
fn a_preposition_or_conjunction_glued_to_a_common_word_ends_the_name() {
    let p = Pipeline::builtin().unwrap();
    assert_eq!(
        persons(&p, "وأشاد خالد عيسى بجهود فريق الإنقاذ في المدينة."),
        ["خالد عيسى"]
    );
    assert_eq!(
        persons(&p, "وقال حسن يوسف لوسائل الإعلام إن الاتفاق قريب."),
        ["حسن يوسف"]
    );
    assert_eq!(
        persons(&p, "ووقع سامي عمر بذلك أول عقد للنادي مع لاعب أجنبي."),
        ["سامي عمر"]
    );
    // transliterated names that read as a preposition and a word stay whole: ب before an
    // imperfect verb (Perry), ك before a word (Kamal)
    assert_eq!(
        persons(&p, "وقال ريك بيري إنه سيترشح مرة أخرى."),
        ["ريك بيري"]
    );
    assert_eq!(
        persons(&p, "وقال أحمد كمال إن المعرض يفتح أبوابه غدا."),
        ["أحمد كمال"]
    );
    // a known place glued to a preposition is where, not a part of the name; a place written
    // whole may be one (محمد بخاري)
    assert_eq!(
        persons(&p, "وقال الدكتور فهد بجدة إن المستشفى يستقبل المرضى."),
        ["فهد"]
    );
}

#[test]
fn the_first_and_last_part_of_a_known_three_part_name_name_that_person() {
    let p = Pipeline::builtin().unwrap();
    let page = |body: &str| format!("عنوان\nتاريخ النشر: 12 أغسطس 2015\n{body}\n");
    // علي صالح is how news shorten علي عبد الله صالح; عبد ربه هادي, عبد ربه منصور هادي
    assert_eq!(
        person_ids(
            &p,
            &page("وانسحبت قوات علي صالح من المدينة بعد معارك استمرت أسبوعا."),
            "p"
        ),
        ["person:ali-abdullah-saleh"]
    );
    assert_eq!(
        person_ids(
            &p,
            &page("وأصدر الرئيس عبد ربه هادي قرارا بتعيين محافظ جديد."),
            "p"
        ),
        ["person:abdrabbuh-mansur-hadi"]
    );
    // not a nasab (محمد بن سلمان is never محمد سلمان), not a family name with the article,
    // and not when two known persons share the first and last part (the two George Bushes)
    for (body, not) in [
        (
            "وقال محمد سلمان إن المعرض يفتح أبوابه غدا.",
            "person:mohammed-bin-salman",
        ),
        (
            "وقال محمد السالم إن الرحلة طالت.",
            "person:mohammad-sabah-al-salem-al-sabah",
        ),
        ("وألقى جورج بوش كلمة في الحفل.", "person:george-w-bush"),
        ("وألقى جورج بوش كلمة في الحفل.", "person:george-h-w-bush"),
    ] {
        let ids = person_ids(&p, &page(body), "p");
        assert!(!ids.is_empty(), "{body}: a person is found");
        assert!(!ids.iter().any(|i| i == not), "{body}: {ids:?}");
    }
}

#[test]
fn a_common_word_after_a_conjunction_or_a_preposition_with_a_pronoun_is_no_name_part() {
    let p = Pipeline::builtin().unwrap();
    // الفريق is a rank too; what follows it here is "and I feel", no name
    assert!(persons(
        &p,
        "وقال اللاعب: انضممت إلى الفريق وأشعر براحة كبيرة مع زملائي."
    )
    .is_empty());
    assert!(persons(&p, "واستقبل الملك الوزير وقيادات القطاع الصحي.").is_empty());
    // a foreign name may start with و all the same
    assert_eq!(
        persons(&p, "وقال ويلموت إن الاقتصاد يتعافى ببطء."),
        ["ويلموت"]
    );
    // داخله (inside it) ends the name
    assert_eq!(
        persons(
            &p,
            "وفي المختبر تولى مارك أندريسين داخله تطوير أول متصفح للشبكة."
        ),
        ["مارك أندريسين"]
    );
    // على is no name before a word that makes a given name with علي (علي أصغر)
    assert!(persons(&p, "وصممت السيارة بناء على أصغر محرك يناسب حجمها.").is_empty());
}

#[test]
fn a_common_word_with_its_tanween_written_as_alef_ends_the_name() {
    let p = Pipeline::builtin().unwrap();
    // صعودا and مؤقتا: the accusative of common words, not family names
    assert_eq!(
        persons(&p, "وواصل بدر الجمالي صعودا في الترتيب العام للبطولة."),
        ["بدر الجمالي"]
    );
    assert_eq!(
        persons(&p, "وعين المجلس عبد القادر حجار مؤقتا في المنصب."),
        ["عبد القادر حجار"]
    );
    // a short foreign name ends so too, and stays a name part
    assert_eq!(
        persons(&p, "وسجل خوان ماتا الهدف الثاني للفريق."),
        ["خوان ماتا"]
    );
}

#[test]
fn luck_after_a_word_read_as_a_given_name_makes_no_person() {
    let p = Pipeline::builtin().unwrap();
    // لحسن is a given name too (Lahcen); لحسن الحظ is "fortunately"
    assert!(persons(&p, "ولحسن الحظ لم يصب أحد من الركاب بأذى.").is_empty());
    assert!(persons(&p, "ولسوء الحظ تأجلت المباراة مرة أخرى.").is_empty());
}

#[test]
fn a_king_without_the_article_is_named_after_his_country_only() {
    let p = Pipeline::builtin().unwrap();
    // ملك الأردن: the king of Jordan on that day, named or not
    let page = "عنوان\nتاريخ النشر: 30 يوليو 2015\nوتلقى الرئيس الفلسطيني محمود عباس \
                اتصالا هاتفيا من ملك الأردن أمس.\n";
    assert_eq!(
        person_ids(&p, page, "p"),
        ["person:abdullah-ii", "person:mahmoud-abbas"]
    );
    // ملك (or أمير) before a word that is no country is no title naming that word
    assert!(persons(&p, "وكانت بلنسية مدينة يحكمها ملك بلنسية المسلم.").is_empty());
    assert!(persons(&p, "واستعاد جيش ملك قشتالة المدينة بعد حصار طويل.").is_empty());
}

#[test]
fn a_regnal_number_is_no_spelling_of_a_family_name() {
    let p = Pipeline::builtin().unwrap();
    // عبد الله الثني (the Libyan prime minister) is not عبد الله الثاني (the king of Jordan)
    let page = "عنوان\nتاريخ النشر: 30 يوليو 2015\nوقال رئيس الحكومة الليبية عبد الله الثني \
                إن الجيش يتقدم في بنغازي.\n";
    assert_eq!(person_ids(&p, page, "p"), ["person:abdullah-al-thinni"]);
}

#[test]
fn a_known_one_word_name_before_a_nasab_is_another_person_s_given_name() {
    let p = Pipeline::builtin().unwrap();
    // عباس alone is Mahmoud Abbas; عباس عبد الحسين is someone else
    let page = "عنوان\nتاريخ النشر: 30 يوليو 2015\nوقال عباس عبد الحسين إن الوضع هادئ. \
                وأكد عباس أن المفاوضات متوقفة.\n";
    assert_eq!(
        person_ids(&p, page, "p"),
        ["person:mahmoud-abbas", "person:عباس-عبد-الحسين"]
    );
}

#[test]
fn a_word_with_a_plural_or_feminine_pronoun_ends_the_name() {
    let p = Pipeline::builtin().unwrap();
    // سددها، ظنهم: a verb or a noun with its pronoun, no family name
    assert_eq!(
        persons(
            &p,
            "وتقدم المدرب بالشكر إلى أحمد فتحي سددها بقوة في المرمى."
        ),
        ["أحمد فتحي"]
    );
    assert_eq!(
        persons(&p, "وخيب سامي يوسف ظنهم في المباراة الأخيرة."),
        ["سامي يوسف"]
    );
    // a known given name that ends so stays whole, and so does a long a before ها
    assert_eq!(persons(&p, "وقال عادل أدهم إن الفيلم نجح."), ["عادل أدهم"]);
    assert_eq!(
        persons(&p, "وسجل المهاجم ويلفريد زاها هدفا."),
        ["ويلفريد زاها"]
    );
}

#[test]
fn the_reins_taken_by_a_king_are_no_part_of_his_name() {
    let p = Pipeline::builtin().unwrap();
    // تسلم الملك فلان مقاليد الحكم: مقاليد is what he took
    assert_eq!(
        persons(
            &p,
            "وفي ذلك اليوم تسلم الملك سلمان مقاليد الحكم في السعودية."
        ),
        ["سلمان"]
    );
}

#[test]
fn a_feminine_adjective_after_a_name_ends_it() {
    let p = Pipeline::builtin().unwrap();
    // الحرس الجمهوري … المتحالفة مع الحوثيين: the forces are allied, not a name part
    assert_eq!(
        persons(
            &p,
            "وقاتلت قوات العميد أحمد علي صالح المتحالفة مع الحوثيين في عدن."
        ),
        ["أحمد علي صالح"]
    );
}
