## Labels of enumerated values.

role-requester = Requester
role-advisor = Advisor
role-supporter-member = Supporter organisation member
role-vc-member = VC member
role-staff = Desk staff
role-admin = Administrator

locale-en = English
locale-ja = 日本語

organisation-kind-startup = Startup
organisation-kind-corporate = Corporate new-business unit
organisation-kind-university = University laboratory
organisation-kind-investor = Investor
organisation-kind-individual = Individual (before founding)
organisation-kind-supporter = Supporter organisation
organisation-kind-vc = Venture capital

taxonomy-kind-domain = Domain
taxonomy-kind-stage = Development stage
taxonomy-kind-topic = Topic
taxonomy-kind-language = Language
taxonomy-kind-region = Region
taxonomy-kind-service = Service

## The directory
directory-kind-advisor = Advisor
directory-kind-supporter = Supporter organisation
directory-kind-vc = VC
directory-kind-programme = Support programme
supporter-type-trading-house = Trading house
supporter-type-bank = Bank
supporter-type-pharma = Pharmaceutical company
supporter-type-medical-device-maker = Medical device maker
supporter-type-cro = CRO
supporter-type-hospital = Hospital
supporter-type-university = University
supporter-type-municipality = Municipality
supporter-type-accelerator = Accelerator
supporter-type-law-firm = Law firm
supporter-type-patent-firm = Patent firm
supporter-type-consultancy = Consultancy
supporter-type-it-company = IT company
supporter-type-insurer = Insurer
supporter-type-other = Other
programme-body-national = National government
programme-body-municipal = Local government
programme-body-private = Private

## Matching
match-feature-domain = Domain
match-feature-stage = Development stage
match-feature-topics = Topics
match-feature-text = Wording
match-feature-language = Language
match-feature-region = Region
match-feature-load = Free capacity
match-feature-outcomes = Past introductions
unassigned-reason-no-eligible-advisor = No advisor of the desk may take this case
unassigned-reason-no-capacity-left = The advisors who may take it have no free slot
