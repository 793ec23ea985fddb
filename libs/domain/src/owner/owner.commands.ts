export type RenameOwner = {
  type: 'RenameOwner';
  data: {
    ownerId: string;
    name: string;
    /** Left as it is when not given. */
    organisation?: string | null;
    /** The job title they hold their actions under; left as it is when not given. */
    role?: string | null;
  };
};

export type OwnerCommand = RenameOwner;
