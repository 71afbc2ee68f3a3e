# Reports: the desks' KPI table.
report-period-fiscal-year = Fiscal year
report-period-quarter = Quarter
report-period-month = Month
report-period-custom = Custom dates

report-period-label-fiscal-year = FY{ $year }
report-period-label-quarter = FY{ $year } Q{ $quarter }
report-period-label-month = { $month }/{ $year }
report-period-label-custom = { $from } – { $to }

report-figure-consultations-received = Consultations received
report-figure-from-overseas = of which from overseas
report-figure-referrals = Referrals to other desks
report-figure-advisor-introductions = Advisor introductions
report-figure-newsletter-introductions = Newsletter introductions
report-figure-newsletter-matches = of which led to a match
report-figure-supporter-introductions = Individual introductions to supporter organisations
report-figure-supporter-matches = of which led to a match
report-figure-vc-introductions = Introductions to VCs
report-figure-vc-matches = of which led to a match
report-figure-vc-investments = Investments through VC introductions
report-figure-vc-invested-yen = Amount invested through VC introductions
report-figure-matches = Matches established
report-figure-open-backlog = Open consultations at the end of the period
report-figure-response-days-median = Time to first response, median
report-figure-response-days-p90 = Time to first response, 90th percentile
report-figure-sla-compliance = First responses within the service level
report-figure-grant-applications = Healthtech Challenge applications
report-figure-grant-awards = Healthtech Challenge awards
report-figure-grant-committed-yen = Amount awarded
report-figure-grant-disbursed-yen = Amount disbursed
report-business-days = { $days ->
    [one] 1 business day
   *[other] { $days } business days
}
report-csv-figure = Figure
report-csv-referrals-to = Referrals to
report-csv-matches-by-outcome = Matches by outcome
report-csv-disbursed-by-milestone = Amount disbursed for milestone { $position }
report-csv-record-kind = Record
report-csv-record-reference = Reference
report-csv-record-title = Title
report-csv-record-date = Date
report-csv-record-amount = Amount (yen)
report-record-consultation = Consultation
report-record-referral = Referral
report-record-introduction = Introduction
report-record-investment = Investment
report-record-grant-application = Grant application
report-record-grant-award = Grant award
report-record-disbursement = Disbursement
