// The one declaration of every recorded series: name, units, scale, description and whether a
// month's value is a flow (summed into years) or a stock (read in December).
#include "parksim/model/records.hpp"

namespace parksim::model {

const std::array<SeriesInfo, kSeriesCount>& series_table() {
  static const std::array<SeriesInfo, kSeriesCount> v = {{
      {"output", "1e8 CNY/month", 1e-8, "Industrial output", TimeMethod::Sum},
      {"value_added", "1e8 CNY/month", 1e-8, "Industrial value added", TimeMethod::Sum},
      {"firms", "firms", 1, "Firms alive"},
      {"employment", "persons", 1, "Employees (general workers and talent)"},
      {"land_used", "km2", 1e-6,
       "Industrial land held by firms, including land awaiting approval and the land under the "
       "standard-factory floor they rent"},
      {"rd_spend", "1e8 CNY/month", 1e-8, "R&D spending", TimeMethod::Sum},
      {"high_tech_firms", "firms", 1, "Certified high-tech enterprises (updated each December)"},
      {"talent", "persons", 1, "Talent agents employed, by employer's zone and sector"},
      {"loans_outstanding", "1e8 CNY", 1e-8, "Bank, credit-line and lease debt outstanding"},
      {"loan_defaults", "1e8 CNY/month", 1e-8, "Debt of firms that exited this month",
       TimeMethod::Sum},
      {"platforms", "platforms", 1, "Platforms in operation"},
      {"entries", "firms/month", 1, "Entrants", TimeMethod::Sum},
      {"exits", "firms/month", 1, "Exits", TimeMethod::Sum},
      {"income_tax", "1e8 CNY/month", 1e-8,
       "Corporate income tax paid: provisional payments, and in December the settlement (net of "
       "refunds)",
       TimeMethod::Sum},
  }};
  return v;
}

const std::array<SeriesInfo, kScalarCount>& scalar_table() {
  static const std::array<SeriesInfo, kScalarCount> v = {{
      {"risk_pool_paid", "1e8 CNY/month", 1e-8,
       "Loan risk-compensation pool refunds to banks (risk pools and IP-pledge funds)",
       TimeMethod::Sum},
      {"guarantee_paid", "1e8 CNY/month", 1e-8,
       "Loan losses borne by guarantee companies (their own and risk pools' shares)",
       TimeMethod::Sum},
      {"anchor_projects", "projects", 1, "Anchor projects granted land since the start"},
      {"credit_line_drawn", "1e8 CNY", 1e-8, "Dedicated credit line drawn since the start"},
      {"vc_invested", "1e8 CNY/month", 1e-8, "Private venture capital invested", TimeMethod::Sum},
      {"guidance_invested", "1e8 CNY/month", 1e-8, "Guidance-fund co-investment", TimeMethod::Sum},
      {"unicorns", "firms", 1, "Unicorns"},
      {"hidden_champions", "firms", 1, "Hidden champions"},
      {"listed_firms", "firms", 1, "Listed firms"},
      {"smart_retrofits", "projects", 1, "Smart-retrofit projects since the start"},
      {"first_units", "products", 1, "First-unit products sold since the start"},
      {"patents", "patents/month", 1, "Invention patents granted to above-size firms",
       TimeMethod::Sum},
      {"land_revoked", "firms", 1,
       "Times a firm's contract land was taken back since the start (exit clauses, lease-then-sell "
       "leases not sold)"},
      {"floor_added", "km2", 1e-6,
       "Floor added by plot-ratio increases on firms' own land, in use"},
      {"incubators", "incubators", 1, "Incubators and accelerators in the area"},
      {"centres_preparing", "centres", 1,
       "Innovation centres selected and in preparation (incl. extension)"},
      {"centres_operating", "centres", 1, "Innovation centres operating"},
      {"centres_revoked", "centres", 1, "Innovation centres revoked since the start"},
      {"centre_results", "results", 1,
       "Common-technology results of innovation centres since the start"},
      {"factory_floor", "km2", 1e-6,
       "Standard-factory floor built by programmes and ready to let (not under construction)"},
      {"factory_floor_let", "km2", 1e-6, "Standard-factory floor rented by firms"},
      {"factory_rent", "1e8 CNY", 1e-8,
       "Rent firms paid for standard-factory floor since the start"},
      {"guarantees_outstanding", "1e8 CNY", 1e-8,
       "Loans guaranteed by guarantee companies, outstanding"},
      {"ip_pledged_outstanding", "1e8 CNY", 1e-8,
       "Loans secured on pledged IP under IP-pledge funds, outstanding"},
      {"land_awaiting_approval", "km2", 1e-6,
       "Land granted to firms and waiting for approval, not yet in use (month's end)"},
      {"policy_bank_outstanding", "1e8 CNY", 1e-8,
       "Loans of policy-bank windows (and credit tilts), outstanding"},
      {"power_surcharge", "1e8 CNY", 1e-8,
       "Power surcharges firms of classes C and D paid under output-per-mu terms since the start"},
      {"key_project_land", "km2", 1e-6,
       "Land added to the zones' industrial area from key-project quotas since the start"},
      {"land_reduced", "km2", 1e-6,
       "Industrial land bought out and taken out of industrial use by land-reduction programmes "
       "since the start"},
  }};
  return v;
}

const std::vector<SeriesInfo>& zone_series_table() {
  static const std::vector<SeriesInfo> v = {
      {"talent_present", "persons", 1, "Talent living in the zone, employed or not"},
      {"zone_land_used", "km2", 1e-6, "Industrial land used or granted in the zone"},
      {"skilled_wage", "CNY/month", 1, "Skilled-talent wage in the zone (a price, not a flow)"},
      {"housing_units", "units", 1, "Talent housing units (talent apartments, public rental)"},
  };
  return v;
}

const SeriesInfo* find_series(std::string_view name) {
  for (const auto& v : series_table())
    if (v.name == name) return &v;
  for (const auto& v : scalar_table())
    if (v.name == name) return &v;
  for (const auto& v : zone_series_table())
    if (v.name == name) return &v;
  return nullptr;
}

}  // namespace parksim::model
