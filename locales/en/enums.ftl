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
