# Reasons a directory entry is suggested for a consultation.
match-reason-covers = covers { $items }
match-reason-stage = works with startups at the { $stage } stage
match-reason-speaks = works in { $language }
match-reason-region = covers { $region }
match-reason-wording = matches the consultation's wording
match-reason-slots = { $free } of { $capacity } slots free
match-reason-outcomes = { $matched } of { $total } past introductions on similar topics led to a match
