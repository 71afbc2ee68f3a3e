use crate::labels::Labelled;

/// What a user is to the desks. Each user has exactly one role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, async_graphql::Enum)]
pub enum Role {
    /// A member of a startup or other organisation that asks for help.
    Requester,
    /// An expert who triages and works the cases of the desks they belong to.
    Advisor,
    /// A member of a supporter organisation (サポーター団体).
    SupporterMember,
    /// A member of a venture capital firm.
    VcMember,
    /// Programme staff who run a desk.
    Staff,
    /// Manages users, desks, taxonomy and programmes.
    Admin,
}

impl Role {
    pub const fn as_db(self) -> &'static str {
        match self {
            Role::Requester => "requester",
            Role::Advisor => "advisor",
            Role::SupporterMember => "supporter_member",
            Role::VcMember => "vc_member",
            Role::Staff => "staff",
            Role::Admin => "admin",
        }
    }

    pub fn from_db(value: &str) -> anyhow::Result<Role> {
        Role::ALL
            .iter()
            .copied()
            .find(|role| role.as_db() == value)
            .ok_or_else(|| anyhow::anyhow!("unknown role {value:?} in the database"))
    }

    /// Advisors and staff belong to desks; the others never do.
    pub const fn works_at_desks(self) -> bool {
        matches!(self, Role::Advisor | Role::Staff)
    }

    /// Requesters, supporter members and VC members belong to an organisation.
    pub const fn belongs_to_organisation(self) -> bool {
        matches!(
            self,
            Role::Requester | Role::SupporterMember | Role::VcMember
        )
    }
}

impl Labelled for Role {
    const ALL: &'static [Self] = &[
        Role::Requester,
        Role::Advisor,
        Role::SupporterMember,
        Role::VcMember,
        Role::Staff,
        Role::Admin,
    ];

    fn label_id(&self) -> &'static str {
        match self {
            Role::Requester => "role-requester",
            Role::Advisor => "role-advisor",
            Role::SupporterMember => "role-supporter-member",
            Role::VcMember => "role-vc-member",
            Role::Staff => "role-staff",
            Role::Admin => "role-admin",
        }
    }
}
